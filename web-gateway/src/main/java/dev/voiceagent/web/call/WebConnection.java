package dev.voiceagent.web.call;

import static dev.voiceagent.web.call.WidgetEvents.envelope;
import static dev.voiceagent.web.call.WidgetEvents.reason;

import dev.voiceagent.session.EventLoops;
import dev.voiceagent.web.access.Capacity;
import dev.voiceagent.web.socketio.SocketIoHost;
import io.socket.socketio.server.SocketIoSocket;
import io.vertx.core.Context;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.json.JSONObject;

/**
 * One Socket.IO socket: reads the widget's envelopes and runs at most one {@link WebCall} at a time, within the
 * gateway's {@link Capacity}. The library calls in on transport threads; everything here runs on the connection's
 * own Vert.x context, so no state is shared and the session's core callbacks land on the same thread. A socket that
 * never starts a session is closed after {@code web.limits.session-start-timeout}.
 */
final class WebConnection {

    private static final Logger LOG = Logger.getLogger(WebConnection.class);
    private static final Pattern AGENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern DIGIT = Pattern.compile("[0-9*#]");

    private final SocketIoSocket socket;
    private final SocketIoHost.Connection transport;
    private final CallServices services;
    private final Context context;
    private final boolean writesBlock;
    private WebCall session;
    private boolean everStarted;
    private long idleTimer = -1;
    private boolean disconnected;

    WebConnection(SocketIoSocket socket, SocketIoHost.Connection transport, CallServices services, Context context) {
        this.socket = socket;
        this.transport = transport;
        this.services = services;
        this.context = context;
        // A connection that began on long-polling answers through servlet responses, whose writes block; they must
        // not run on an event loop. Such connections stay rare (the widget forces websockets), so they pay a hop.
        this.writesBlock = !"websocket".equals(socket.getInitialQuery().get("transport"));
        socket.registerAllEventListener((name, args) -> context.runOnContext(ignored -> onEvent(name, args)));
        socket.on("disconnect", args -> context.runOnContext(ignored -> onDisconnect()));
        onContext(() -> idleTimer = services.vertx().setTimer(
                services.config().limits().sessionStartTimeout().toMillis(), t -> closeIdle()));
    }

    private void closeIdle() {
        if (!everStarted && !disconnected) {
            services.metrics().connectionClosed("no_session");
            LOG.debugf("socket %s: no SESSION_START in time, closing", socket.getId());
            transport.close((short) 1008, "no SESSION_START in time");
        }
    }

    private void onEvent(String name, Object[] args) {
        if (disconnected) {
            return;
        }
        if (!WidgetEvents.SOCKET_EVENT.equals(name) || args.length == 0
                || !(args[0] instanceof JSONObject message) || !(message.opt("event") instanceof String event)) {
            refuse("malformed_envelope", "expected message {event, data}");
            return;
        }
        Object data = message.opt("data");
        switch (event) {
            case WidgetEvents.SESSION_START -> start(data);
            case WidgetEvents.USER_AUDIO_CHUNK -> audio(data);
            case WidgetEvents.PLAYBACK_POSITION -> playbackPosition(data);
            case WidgetEvents.DTMF -> dtmf(data);
            case WidgetEvents.SESSION_END -> end();
            default -> refuse("unknown_event", "unknown event " + event);
        }
    }

    private void start(Object data) {
        if (services.drain().isDraining()) {
            services.metrics().sessionRefused("draining");
            emit(WidgetEvents.SESSION_START_ERROR, reason("this server is restarting; please try again"));
            return;
        }
        if (session != null) {
            services.metrics().sessionRefused("already_active");
            emit(WidgetEvents.SESSION_START_ERROR, reason("a session is already active on this connection"));
            return;
        }
        JSONObject options = data instanceof JSONObject object ? object : new JSONObject();
        int sampleRate = options.optInt("sampleRate", 24_000);
        if (sampleRate != 16_000 && sampleRate != 24_000 && sampleRate != 48_000) {
            services.metrics().sessionRefused("bad_options");
            emit(WidgetEvents.SESSION_START_ERROR, reason("sampleRate must be 16000, 24000 or 48000"));
            return;
        }
        String agent = options.optString("agent", null);
        if (agent != null && !AGENT.matcher(agent).matches()) {
            services.metrics().sessionRefused("bad_options");
            emit(WidgetEvents.SESSION_START_ERROR, reason("agent must be an agent's name"));
            return;
        }
        Optional<Capacity.Refusal> full = services.capacity().openSession(transport.address());
        if (full.isPresent()) {
            services.metrics().sessionRefused(full.get().kind());
            emit(WidgetEvents.SESSION_START_ERROR, reason(full.get().reason()));
            return;
        }
        everStarted = true;
        services.vertx().cancelTimer(idleTimer);
        transport.guard().audioSampleRate(sampleRate);
        session = new WebCall(this, services, sampleRate, agent);
        session.open(socket.getId());
    }

    private void audio(Object data) {
        if (!(data instanceof byte[] pcm16)) {
            refuse("audio_not_binary", "USER_AUDIO_CHUNK data must be binary PCM16");
            return;
        }
        if (session == null) {
            // The original dropped these without a trace; here each is counted (an ERROR per 20 ms chunk would flood).
            services.metrics().badInput("audio_without_session");
            return;
        }
        session.audio(pcm16);
    }

    private void playbackPosition(Object data) {
        if (!(data instanceof JSONObject position) || !(position.opt("itemId") instanceof String itemId)
                || position.optLong("playedMs", -1) < 0) {
            refuse("bad_playback_position", "PLAYBACK_POSITION needs {itemId, playedMs}");
            return;
        }
        if (session != null) {
            session.playbackPosition(itemId, position.getLong("playedMs"));
        }
    }

    private void dtmf(Object data) {
        if (!(data instanceof JSONObject key) || !(key.opt("digit") instanceof String digit)
                || !DIGIT.matcher(digit).matches()) {
            refuse("bad_dtmf", "DTMF needs {digit}: one of 0-9, * and #");
            return;
        }
        if (session == null) {
            refuse("dtmf_without_session", "DTMF needs an active session");
            return;
        }
        session.dtmf(digit);
    }

    private void end() {
        if (session == null) {
            emit(WidgetEvents.SESSION_END_ERROR, reason("no active session"));
            return;
        }
        session.end("client_ended");
        emit(WidgetEvents.SESSION_END_SUCCESS, null);
    }

    private void onDisconnect() {
        disconnected = true;
        services.vertx().cancelTimer(idleTimer);
        if (session != null) {
            session.end("client_disconnected");
        }
    }

    /** Runs an action on this connection's context, where all its state lives. */
    void onContext(Runnable action) {
        EventLoops.run(context, action);
    }

    /** Called by the session when it is over, whoever ended it: its capacity slot is free again. */
    void sessionOver(WebCall over) {
        if (session == over) {
            session = null;
            services.capacity().sessionClosed(transport.address());
        }
    }

    boolean isConnected() {
        return !disconnected;
    }

    void emit(String event, Object data) {
        if (disconnected) {
            return;
        }
        JSONObject envelope = envelope(event, data);
        if (writesBlock) {
            context.executeBlocking(() -> {
                socket.send(WidgetEvents.SOCKET_EVENT, envelope);
                return null;
            }, true);
        } else {
            socket.send(WidgetEvents.SOCKET_EVENT, envelope);
        }
    }

    private void refuse(String kind, String detail) {
        services.metrics().badInput(kind);
        LOG.debugf("socket %s: %s", socket.getId(), detail);
        emit(WidgetEvents.ERROR, reason(detail));
    }
}
