package dev.voiceagent.testsupport.twilio;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** What a simulated caller says: one 20 ms mu-law frame (160 bytes) at a time. */
@FunctionalInterface
public interface AudioSource {

    int FRAME_BYTES = 160;

    /** The next frame, or null when the caller has nothing more to say. */
    byte[] nextFrame(long sequence);

    /** Mu-law silence for ever. */
    static AudioSource silence() {
        byte[] frame = new byte[FRAME_BYTES];
        Arrays.fill(frame, (byte) 0xFF);
        return sequence -> frame.clone();
    }

    /** One frame of a loud 300 Hz tone (about -15 dBFS): what an energy-based detector takes for speech. */
    static byte[] toneFrame() {
        byte[] frame = new byte[FRAME_BYTES];
        for (int i = 0; i < FRAME_BYTES; i++) {
            int sample = (int) (8000 * Math.sin(2 * Math.PI * 300 * i / 8000.0));
            int sign = sample < 0 ? 0x80 : 0;
            int magnitude = Math.min(Math.abs(sample), 32635) + 0x84;
            int exponent = 7;
            for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
                exponent--;
            }
            frame[i] = (byte) ~(sign | (exponent << 4) | ((magnitude >> (exponent + 3)) & 0x0f)); // G.711 mu-law
        }
        return frame;
    }

    /**
     * Frames that name their call and sequence number in their first eight bytes, so the far end can check that
     * every frame arrived, once, in order, and in the right call.
     */
    static AudioSource tagged(int callTag) {
        return sequence -> tag(callTag, sequence);
    }

    static byte[] tag(int callTag, long sequence) {
        ByteBuffer frame = ByteBuffer.allocate(FRAME_BYTES);
        frame.putInt(callTag).putInt((int) sequence);
        while (frame.hasRemaining()) {
            frame.put((byte) (sequence + frame.position()));
        }
        return frame.array();
    }

    /** Reads the (call tag, sequence) of a tagged frame. */
    static long[] readTag(byte[] audio, int frameIndex) {
        ByteBuffer frame = ByteBuffer.wrap(audio, frameIndex * FRAME_BYTES, FRAME_BYTES);
        return new long[] {frame.getInt(), frame.getInt()};
    }
}
