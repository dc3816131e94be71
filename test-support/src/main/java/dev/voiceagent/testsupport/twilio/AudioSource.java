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
