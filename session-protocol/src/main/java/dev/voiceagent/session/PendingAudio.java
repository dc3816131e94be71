package dev.voiceagent.session;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Audio held while the far side is not ready yet (a session still opening, a core being reconnected), bounded in
 * bytes so a stalled far side cannot grow memory. What does not fit is counted, never dropped silently: the owner
 * reports {@link #droppedBytes()}. Not thread-safe: confined to its owner's event loop.
 */
public final class PendingAudio {

    private final ArrayDeque<Buffer> frames = new ArrayDeque<>();
    private final int limitBytes;
    private int bytes;
    private long droppedBytes;

    /** @param limitBytes the most audio held, in bytes of the frames as given (base64 text for audio records) */
    public PendingAudio(int limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** Holds {@code frame}; false (and counted as dropped) when it would go past the limit. */
    public boolean offer(Buffer frame) {
        if (bytes + frame.length() > limitBytes) {
            droppedBytes += frame.length();
            return false;
        }
        frames.add(frame);
        bytes += frame.length();
        return true;
    }

    /** Hands every held frame, oldest first, to {@code sink} and empties the buffer. */
    public void drainTo(Consumer<Buffer> sink) {
        Buffer frame;
        while ((frame = frames.poll()) != null) {
            sink.accept(frame);
        }
        bytes = 0;
    }

    public void clear() {
        frames.clear();
        bytes = 0;
    }

    public boolean isEmpty() {
        return frames.isEmpty();
    }

    public int bytes() {
        return bytes;
    }

    /** Bytes refused since this buffer was made. */
    public long droppedBytes() {
        return droppedBytes;
    }
}
