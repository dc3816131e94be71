package dev.voiceagent.core.session;

import dev.voiceagent.session.PendingAudio;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The caller's audio around a lost upstream session. Audio that arrives while no session is ready is held
 * (bounded, {@link PendingAudio}); the last seconds already sent are remembered too, because frames written just
 * before a connection breaks are lost with it, and the words of a turn not yet transcribed exist nowhere else. A new
 * session gets the remembered audio, then the held audio. Confined to the conversation's loop.
 */
final class CallerAudio {

    private final PendingAudio held;
    private final ArrayDeque<Buffer> recent = new ArrayDeque<>();
    private final int recentLimitBytes;
    private int recentBytes;

    CallerAudio(int heldLimitBytes, int recentLimitBytes) {
        this.held = new PendingAudio(heldLimitBytes);
        this.recentLimitBytes = recentLimitBytes;
    }

    /** A frame went to the session. */
    void sent(Buffer frame) {
        recent.add(frame);
        recentBytes += frame.length();
        while (recentBytes > recentLimitBytes) {
            recentBytes -= recent.poll().length();
        }
    }

    /** @return false when the frame did not fit (the caller is told, and it is counted) */
    boolean hold(Buffer frame) {
        return held.offer(frame);
    }

    /** The caller's turn is transcribed: it is in the history, and must not be heard twice. */
    void turnTranscribed() {
        recent.clear();
        recentBytes = 0;
    }

    /** Forgets what was sent (the first session of a call has nothing to recover). */
    void forgetSent() {
        turnTranscribed();
    }

    /** Hands the remembered, then the held audio to a new session, oldest first. */
    void replay(Consumer<Buffer> session) {
        recent.forEach(session);
        held.drainTo(frame -> {
            session.accept(frame);
            sent(frame);
        });
    }

    void clear() {
        turnTranscribed();
        held.clear();
    }
}
