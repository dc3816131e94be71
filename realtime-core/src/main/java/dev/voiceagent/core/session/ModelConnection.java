package dev.voiceagent.core.session;

import dev.voiceagent.core.config.CoreConfig;
import dev.voiceagent.core.metrics.CoreMetrics;
import dev.voiceagent.core.metrics.ReconnectMetrics;
import dev.voiceagent.core.model.ModelListener;
import dev.voiceagent.core.model.ModelSession;
import dev.voiceagent.core.model.RealtimeModel;
import dev.voiceagent.core.openai.ClientEvents;
import dev.voiceagent.core.openai.ModelEvent;
import dev.voiceagent.core.openai.ServerEventParser;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The conversation's upstream session and its lifecycle: opening it within the connect timeout, holding caller audio
 * until it is configured, and replacing it when it is lost (a reset, a close the core did not ask for) or old. A new
 * session is opened at once, then after a doubling backoff, up to {@code core.reconnect.attempts}; meanwhile caller
 * audio is held in a bounded buffer and sent once the new session is configured. A first session that fails (refused,
 * not opened in time, closed before it was configured) is retried with the same backoff and attempts. Confined to
 * the conversation's loop.
 */
final class ModelConnection {

    private static final Logger LOG = Logger.getLogger(ModelConnection.class);
    /** RFC 6455 close codes. */
    static final int ABNORMAL = 1006;
    static final int TOO_BIG = 1009;
    static final int SERVER_ERROR = 1011;
    /** The reconnect reason of a conversation's first session, retried before it was ever ready. */
    static final String FIRST_SESSION = "first_session";

    /** What the conversation hears of its upstream session. */
    interface Listener {

        /** A session was created: configure it (and, when {@code resumed}, re-create the conversation). */
        void configure(boolean resumed);

        /** The session took its configuration; held caller audio has been sent. */
        void ready(boolean resumed);

        /** Any other server event. */
        void event(ModelEvent event);

        /** The session was lost; a new one is being opened. */
        void reconnecting(String reason);

        /** No session can be had: the conversation cannot go on. {@code everReady}: one was ready before. */
        void failed(String code, String message, boolean everReady);

        /** Whether no response is in flight, so the session can be replaced without cutting one. */
        boolean idle();
    }

    enum State {
        CONNECTING, CONFIGURING, READY, CLOSED
    }

    private final String conversationId;
    private final RealtimeModel model;
    private final ConversationLoop loop;
    private final Clock clock;
    private final Duration connectTimeout;
    private final CoreConfig.Reconnect policy;
    private final CoreMetrics metrics;
    private final ReconnectMetrics reconnects;
    private final CallerAudio callerAudio;
    private final Listener listener;
    private State state = State.CONNECTING;
    private ModelSession session;
    /** Counts sessions opened; events of an older one are ignored. */
    private int generation;
    private boolean everReady;
    private long connectTimer = -1;
    private long ageTimer = -1;
    private boolean renewDue;
    /** The replacement of a lost session under way, or null. */
    private Replacement replacement;
    /** The first session continues a conversation checkpointed on another core. */
    private boolean restoring;

    ModelConnection(String conversationId, RealtimeModel model, ConversationLoop loop, Clock clock,
            Duration connectTimeout, CoreConfig.Reconnect policy, CallerAudio callerAudio, CoreMetrics metrics,
            ReconnectMetrics reconnects, Listener listener) {
        this.conversationId = conversationId;
        this.model = model;
        this.loop = loop;
        this.clock = clock;
        this.connectTimeout = connectTimeout;
        this.policy = policy;
        this.metrics = metrics;
        this.reconnects = reconnects;
        this.callerAudio = callerAudio;
        this.listener = listener;
    }

    boolean isReady() {
        return state == State.READY;
    }

    /** A session was lost and another is being opened: what is asked of the model now goes to that one. */
    boolean isReconnecting() {
        return everReady && state != State.READY && state != State.CLOSED;
    }

    /** Opens a session (the first, or the next attempt of a replacement). */
    void open() {
        int opened = ++generation;
        state = State.CONNECTING;
        connectTimer = loop.schedule(connectTimeout,
                () -> attemptFailed(opened, "upstream_timeout", "the model did not open a session in time"));
        model.open(new ModelListener() {
            @Override
            public void onEvent(String serverEvent) {
                if (opened == generation && state != State.CLOSED) {
                    onText(serverEvent);
                }
            }

            @Override
            public void onClosed(int code, String detail) {
                if (opened == generation && state != State.CLOSED) {
                    onLost(code, detail);
                }
            }
        }).onComplete(result -> {
            if (opened != generation || state == State.CLOSED) {
                if (result.succeeded()) {
                    result.result().close();
                }
            } else if (result.failed()) {
                metrics.upstreamError("connect_failed");
                attemptFailed(opened, "upstream_connect_failed", "cannot reach the model: "
                        + result.cause().getMessage());
            } else {
                session = result.result();
            }
        });
    }

    /** Opens the first session of a conversation restored from a checkpoint: it is configured as a replacement. */
    void resumeFromCheckpoint() {
        restoring = true;
        open();
    }

    /** Caller audio: sent when the session is ready, held otherwise; false when it did not fit (counted). */
    boolean sendAudio(Buffer frame, String base64) {
        if (state == State.READY) {
            session.send(ClientEvents.appendAudio(base64));
            callerAudio.sent(frame);
            return true;
        }
        if (callerAudio.hold(frame)) {
            return true;
        }
        reconnects.heldAudioDropped(frame.length());
        return false;
    }

    /** A client event for the current session; dropped while there is none (the history carries the items). */
    void send(String event) {
        if (session != null && (state == State.CONFIGURING || state == State.READY)) {
            session.send(event);
        }
    }

    /** The conversation is between responses: a session past its age is replaced now. */
    void onIdle() {
        if (renewDue && state == State.READY) {
            replace("session_age", "the session reached " + policy.maxSessionAge());
        }
    }

    void close() {
        state = State.CLOSED;
        loop.cancel(connectTimer);
        loop.cancel(ageTimer);
        callerAudio.clear();
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private void onText(String text) {
        ModelEvent event;
        try {
            event = ServerEventParser.parse(text);
        } catch (IOException e) {
            metrics.upstreamError("malformed_event");
            LOG.warnf("conversation %s: malformed event from the model: %s", conversationId, e.getMessage());
            return;
        }
        switch (event) {
            case ModelEvent.SessionCreated created -> {
                state = State.CONFIGURING;
                listener.configure(everReady || restoring);
            }
            case ModelEvent.SessionUpdated updated -> {
                if (state == State.CONFIGURING) {
                    onConfigured();
                }
            }
            default -> listener.event(event);
        }
    }

    private void onConfigured() {
        state = State.READY;
        loop.cancel(connectTimer);
        if (!everReady) {
            callerAudio.forgetSent();
        }
        callerAudio.replay(frame -> session.send(ClientEvents.appendAudio(frame.toString(StandardCharsets.ISO_8859_1))));
        renewDue = false;
        ageTimer = loop.schedule(policy.maxSessionAge(), () -> {
            renewDue = true;
            if (listener.idle()) {
                onIdle();
            }
        });
        boolean resumed = everReady;
        if (replacement != null) {
            replacement.resumed();
            replacement = null;
        }
        everReady = true;
        listener.ready(resumed);
    }

    private void onLost(int code, String detail) {
        if (!everReady) {
            attemptFailed(generation, "upstream_closed", "the model closed the session (" + detail + ")");
        } else if (code == TOO_BIG) {
            LOG.warnf("conversation %s: the model sent an event over the core's limit (%s); ending the call",
                    conversationId, detail);
            close();
            listener.failed("upstream_event_too_large", "the model sent an event larger than the core accepts",
                    true);
        } else if (replacement != null) {
            attemptFailed(generation, "upstream_closed", detail);
        } else {
            metrics.upstreamError("closed");
            replace(Replacement.reasonOf(code), detail);
        }
    }

    /** Gives up the current session and opens another one at once. */
    private void replace(String reason, String detail) {
        loop.cancel(ageTimer);
        if (session != null) {
            generation++; // the old session's close is not a loss
            session.close();
            session = null;
        }
        replacement = new Replacement(conversationId, reason, clock, policy, reconnects);
        LOG.debugf("conversation %s: upstream session lost (%s), reconnecting", conversationId, detail);
        listener.reconnecting(reason);
        open();
    }

    private void attemptFailed(int opened, String code, String message) {
        if (opened != generation || state == State.CLOSED || state == State.READY) {
            return;
        }
        loop.cancel(connectTimer);
        if (session != null) {
            generation++;
            session.close();
            session = null;
        }
        if (replacement == null) {
            // The first session failed: a transient refusal at call start is retried like a lost session.
            replacement = new Replacement(conversationId, FIRST_SESSION, clock, policy, reconnects);
        }
        Duration wait = replacement.nextAttemptAfter();
        if (wait == null) {
            replacement.failed(message);
            close();
            if (everReady) {
                listener.failed("upstream_unavailable", "the model cannot be reached", true);
            } else {
                listener.failed(code, message, true);
            }
            return;
        }
        state = State.CONNECTING;
        loop.schedule(wait, () -> {
            if (state != State.CLOSED) {
                open();
            }
        });
    }
}
