package dev.voiceagent.session;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.impl.ContextInternal;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One conversation between cores: its socket was lost, and it is opened again with {@code start{resume}} on the
 * configured core (in Kubernetes the Service, which routes to a live core), with backoff, until a core answers
 * {@code ready} or the policy's window ends. Meanwhile caller audio is held (bounded, {@link PendingAudio}),
 * {@code dtmf} is queued (a drain's {@code end} is asked again once resumed), and {@code playback.interrupted}
 * is dropped: it names items of the lost upstream session. Confined to the conversation's event loop.
 */
final class Resumption {

    /** Gives the socket on {@code coreBaseUrl} for the event loop of {@code context} (shared, opened on first use). */
    @FunctionalInterface
    interface Connector {
        Future<CoreConnection> connectionFor(URI coreBaseUrl, ContextInternal context);
    }

    /** Where and how a conversation is resumed. */
    record Target(URI coreBaseUrl, ResumePolicy policy, Connector connector, ResumeOutcome.Observer observer) {
    }

    private static final Logger LOG = Logger.getLogger(Resumption.class);
    private static final int MAX_HELD_CONTROL = 16;

    private final CoreConversation conversation;
    private final Target target;
    private final PendingAudio audio;
    private final ArrayDeque<Buffer> control = new ArrayDeque<>();
    private int droppedControl;
    private long startedNanos;
    private long deadlineTimer = -1;
    private long retryTimer = -1;
    private long backoffMillis;
    private int attempts;
    private boolean awaitingReady;
    private boolean cancelled;

    Resumption(CoreConversation conversation, Target target) {
        this.conversation = conversation;
        this.target = target;
        this.audio = new PendingAudio(target.policy().pendingAudioBytes(conversation.start().codec()));
        this.backoffMillis = target.policy().firstBackoff().toMillis();
    }

    void holdAudio(Buffer frame) {
        audio.offer(frame); // what does not fit is counted and reported when the resume ends
    }

    void holdControl(SessionMessage.FromGateway message, Buffer payload) {
        switch (message) {
            case SessionMessage.PlaybackInterrupted stale -> {
            }
            case SessionMessage.End end -> {
                // A drain is asked again of the core that resumes the call (CoreConversation). Otherwise the caller
                // hung up and close() follows: a core restoring the conversation hears it at once.
                if (!SessionMessage.End.DRAIN.equals(end.reason()) && awaitingReady) {
                    conversation.writeNow(payload);
                }
            }
            default -> {
                if (control.size() < MAX_HELD_CONTROL) {
                    control.add(payload);
                } else {
                    droppedControl++;
                }
            }
        }
    }

    /** The socket the conversation rode on is gone (the first one, or the one a resume had reached). */
    void socketLost() {
        awaitingReady = false;
        if (deadlineTimer == -1) {
            startedNanos = System.nanoTime();
            deadlineTimer = conversation.context().setTimer(Math.max(1, target.policy().window().toMillis()),
                    t -> giveUp());
            attempt();
        } else {
            retryLater();
        }
    }

    boolean awaitingReady() {
        return awaitingReady;
    }

    /** A core restored the conversation: what was held goes to it, audio first, in the order it came. */
    void completed(SessionMessage.Ready ready, Consumer<Buffer> audioSink, Consumer<Buffer> controlSink) {
        stopTimers();
        long heldMillis = millis(audio.bytes());
        audio.drainTo(audioSink);
        control.forEach(controlSink);
        control.clear();
        LOG.infof("call %s resumed on %s as conversation %s after %d ms (%d attempts); %d ms of caller audio held, "
                + "%d ms and %d control messages dropped", conversation.start().callId(), target.coreBaseUrl(),
                ready.conversationId(), elapsedMillis(), attempts, heldMillis, millis(audio.droppedBytes()),
                droppedControl);
        target.observer().outcome(ResumeOutcome.RESUMED);
    }

    /** The conversation ended meanwhile: nothing more is tried, and what was held is let go. */
    void cancel() {
        stopTimers();
        audio.clear();
        control.clear();
    }

    private void stopTimers() {
        cancelled = true;
        var vertx = conversation.context().owner();
        if (deadlineTimer != -1) {
            vertx.cancelTimer(deadlineTimer);
        }
        if (retryTimer != -1) {
            vertx.cancelTimer(retryTimer);
        }
    }

    private void attempt() {
        retryTimer = -1;
        attempts++;
        target.connector().connectionFor(target.coreBaseUrl(), conversation.context()).onComplete(result -> {
            if (cancelled || awaitingReady) {
                return;
            }
            if (result.succeeded() && result.result().adopt(conversation, conversation.resumeStart())) {
                awaitingReady = true;
            } else {
                retryLater();
            }
        });
    }

    private void retryLater() {
        if (cancelled || retryTimer != -1) {
            return;
        }
        retryTimer = conversation.context().setTimer(Math.max(1, backoffMillis), t -> attempt());
        backoffMillis = Math.min(backoffMillis * 2, target.policy().maxBackoff().toMillis());
    }

    private void giveUp() {
        deadlineTimer = -1;
        LOG.warnf("call %s could not be resumed on %s within %d ms (%d attempts); %d ms of caller audio dropped",
                conversation.start().callId(), target.coreBaseUrl(), elapsedMillis(), attempts,
                millis(audio.bytes() + audio.droppedBytes()));
        target.observer().outcome(ResumeOutcome.TIMED_OUT);
        conversation.resumeTimedOut();
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Duration of base64 text of caller audio. */
    private long millis(long base64Chars) {
        return conversation.start().codec().millisOf(base64Chars * 3 / 4);
    }
}
