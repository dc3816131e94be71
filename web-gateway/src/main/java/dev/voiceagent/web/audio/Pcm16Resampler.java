package dev.voiceagent.web.audio;

/**
 * Converts a stream of 16-bit little-endian mono PCM to 24 kHz, chunk by chunk, as if it were one long signal: the
 * filter history, the output phase and a split sample carry over from one chunk to the next, so chunk edges
 * leave no clicks. A polyphase windowed-sinc filter (up by L, low-pass, down by M) keeps aliasing out of the
 * 48 kHz -> 24 kHz path and imaging out of the 16 kHz -> 24 kHz path. One instance per stream; not thread-safe.
 */
public final class Pcm16Resampler {

    public static final int OUTPUT_RATE = 24_000;
    private static final int TAPS_PER_PHASE = 48;

    private final int up;
    private final int down;
    private final float[][] phases;
    private final int historyLength = TAPS_PER_PHASE - 1;
    private short[] samples;
    private int nextPosition;
    private int pendingByte = -1;

    public Pcm16Resampler(int inputRate) {
        if (inputRate != 16_000 && inputRate != 24_000 && inputRate != 48_000) {
            throw new IllegalArgumentException("unsupported input rate " + inputRate + " Hz (16000, 24000 or 48000)");
        }
        int gcd = gcd(inputRate, OUTPUT_RATE);
        this.up = OUTPUT_RATE / gcd;
        this.down = inputRate / gcd;
        this.phases = design(up, down);
        this.samples = new short[historyLength];
        this.nextPosition = historyLength * up;
    }

    public boolean isPassThrough() {
        return up == 1 && down == 1;
    }

    /** Converts the next chunk; the result may be empty when the chunk is shorter than one output sample. */
    public byte[] process(byte[] pcm16) {
        if (isPassThrough() && pendingByte < 0 && pcm16.length % 2 == 0) {
            return pcm16; // the common case: 24 kHz in whole samples needs no copy
        }
        short[] input = toSamples(pcm16);
        if (isPassThrough()) {
            return toBytes(input, input.length);
        }
        short[] buffer = new short[historyLength + input.length];
        System.arraycopy(samples, samples.length - historyLength, buffer, 0, historyLength);
        System.arraycopy(input, 0, buffer, historyLength, input.length);
        short[] output = new short[(int) ((long) (buffer.length * up - nextPosition) / down + 1)];
        int produced = 0;
        int position = nextPosition;
        while (position / up < buffer.length) {
            output[produced++] = filter(buffer, position / up, phases[position % up]);
            position += down;
        }
        int consumed = buffer.length - historyLength;
        nextPosition = position - consumed * up;
        samples = buffer;
        return toBytes(output, produced);
    }

    private static short filter(short[] buffer, int newest, float[] taps) {
        float sum = 0;
        for (int k = 0; k < taps.length; k++) {
            sum += taps[k] * buffer[newest - k];
        }
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
    }

    /** Splits a Blackman-windowed sinc low-pass (cut-off below both Nyquist rates) into its L polyphase branches. */
    private static float[][] design(int up, int down) {
        int length = TAPS_PER_PHASE * up;
        double cutoff = 0.45 / Math.max(up, down);
        double centre = (length - 1) / 2.0;
        float[][] phases = new float[up][TAPS_PER_PHASE];
        for (int n = 0; n < length; n++) {
            double x = n - centre;
            double sinc = x == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            double window = 0.42 - 0.5 * Math.cos(2 * Math.PI * n / (length - 1))
                    + 0.08 * Math.cos(4 * Math.PI * n / (length - 1));
            phases[n % up][n / up] = (float) (up * sinc * window);
        }
        for (float[] phase : phases) {
            normalise(phase);
        }
        return phases;
    }

    /** Each branch must pass DC at unity gain, or the output would ripple with the phase. */
    private static void normalise(float[] phase) {
        float sum = 0;
        for (float tap : phase) {
            sum += tap;
        }
        for (int k = 0; k < phase.length; k++) {
            phase[k] /= sum;
        }
    }

    private short[] toSamples(byte[] pcm16) {
        int offset = 0;
        int total = pcm16.length + (pendingByte >= 0 ? 1 : 0);
        short[] result = new short[total / 2];
        int index = 0;
        if (pendingByte >= 0 && pcm16.length > 0) {
            result[index++] = (short) ((pcm16[0] << 8) | pendingByte);
            offset = 1;
            pendingByte = -1;
        }
        for (; offset + 1 < pcm16.length; offset += 2) {
            result[index++] = (short) ((pcm16[offset + 1] << 8) | (pcm16[offset] & 0xff));
        }
        if (offset < pcm16.length) {
            pendingByte = pcm16[offset] & 0xff;
        }
        return result;
    }

    private static byte[] toBytes(short[] samples, int count) {
        byte[] bytes = new byte[count * 2];
        for (int i = 0; i < count; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return bytes;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
