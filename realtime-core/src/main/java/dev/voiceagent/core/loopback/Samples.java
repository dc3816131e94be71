package dev.voiceagent.core.loopback;

import dev.voiceagent.session.AudioCodec;

/** Reads and writes linear samples of the two conversation codecs; only the loopback ever looks inside audio. */
public final class Samples {

    private static final int MU_LAW_BIAS = 0x84;
    private static final int MU_LAW_CLIP = 32635;

    private Samples() {
    }

    /** The linear value of sample {@code index} (not byte index) of raw audio. */
    static int read(AudioCodec codec, byte[] audio, int index) {
        return switch (codec) {
            case PCMU -> muLawToLinear(audio[index]);
            case PCM16 -> (short) ((audio[2 * index] & 0xff) | (audio[2 * index + 1] << 8));
        };
    }

    static void write(AudioCodec codec, byte[] audio, int index, int sample) {
        switch (codec) {
            case PCMU -> audio[index] = linearToMuLaw(sample);
            case PCM16 -> {
                audio[2 * index] = (byte) sample;
                audio[2 * index + 1] = (byte) (sample >> 8);
            }
        }
    }

    /** G.711 mu-law expansion. */
    static int muLawToLinear(byte encoded) {
        int u = ~encoded & 0xff;
        int magnitude = (((u & 0x0f) << 3) + MU_LAW_BIAS) << ((u & 0x70) >> 4);
        return (u & 0x80) != 0 ? MU_LAW_BIAS - magnitude : magnitude - MU_LAW_BIAS;
    }

    /** G.711 mu-law compression. */
    public static byte linearToMuLaw(int sample) {
        int sign = sample < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(sample), MU_LAW_CLIP) + MU_LAW_BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }
}
