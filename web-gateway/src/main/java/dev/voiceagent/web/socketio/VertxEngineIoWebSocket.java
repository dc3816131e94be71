package dev.voiceagent.web.socketio;

import dev.voiceagent.web.metrics.WebMetrics;
import io.socket.engineio.server.EngineIoWebSocket;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Lets the Socket.IO library speak over a Vert.x websocket on Quarkus's own HTTP port. Each inbound frame passes
 * the connection's {@link ConnectionGuard} first; what it refuses never reaches the library. Outbound, the socket's
 * write queue is bounded ({@code web.limits.outbound-audio}): a page that stops reading is dropped (close 1008) and
 * its conversation ends, rather than the gateway holding its audio.
 */
final class VertxEngineIoWebSocket extends EngineIoWebSocket {

    private static final Logger LOG = Logger.getLogger(VertxEngineIoWebSocket.class);
    static final short POLICY_VIOLATION = 1008;
    static final short MESSAGE_TOO_BIG = 1009;

    private final ServerWebSocket socket;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final ConnectionGuard guard;
    private final WebMetrics metrics;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    VertxEngineIoWebSocket(ServerWebSocket socket, Map<String, String> query, Map<String, List<String>> headers,
            ConnectionGuard guard, WebMetrics metrics, int outboundLimitBytes) {
        this.socket = socket;
        this.query = query;
        this.headers = headers;
        this.guard = guard;
        this.metrics = metrics;
        socket.setWriteQueueMaxSize(outboundLimitBytes);
        socket.textMessageHandler(this::onText);
        socket.binaryMessageHandler(this::onBinary);
        socket.closeHandler(ignored -> closed());
        // Vert.x reports a frame over its own limit here, then drops the connection: a client's mistake, counted.
        socket.exceptionHandler(error -> {
            metrics.badInput("unreadable_frame");
            LOG.debugf("websocket error: %s", error.getMessage());
        });
    }

    private void onText(String text) {
        ConnectionGuard.Verdict verdict = guard.text(text, System.nanoTime());
        if (verdict instanceof ConnectionGuard.Admit) {
            emit("message", text);
        } else {
            refuse(verdict);
        }
    }

    private void onBinary(Buffer data) {
        ConnectionGuard.Verdict verdict = guard.binary(data.length(), System.nanoTime());
        if (verdict instanceof ConnectionGuard.Admit) {
            emit("message", (Object) data.getBytes());
        } else {
            refuse(verdict);
        }
    }

    private void refuse(ConnectionGuard.Verdict verdict) {
        switch (verdict) {
            case ConnectionGuard.Drop drop -> metrics.badInput(drop.kind());
            case ConnectionGuard.RefuseConnect refusal -> {
                metrics.connectRefused(refusal.kind());
                socket.writeTextMessage(refusal.packet());
            }
            case ConnectionGuard.Close close -> {
                if (!closing.get()) {
                    metrics.badInput(close.kind());
                    LOG.warnf("closing a Socket.IO websocket: %s", close.reason());
                }
                closeWith(close.kind().equals("oversized") ? MESSAGE_TOO_BIG : POLICY_VIOLATION, close.reason());
            }
            case ConnectionGuard.Admit admit -> throw new IllegalArgumentException("not a refusal");
        }
    }

    /** Closes with this code, once; the library learns of it at once, whether or not the client answers. */
    void closeWith(short code, String reason) {
        if (closing.compareAndSet(false, true)) {
            socket.close(code, reason);
            closed();
        }
    }

    private void closed() {
        if (closed.compareAndSet(false, true)) {
            emit("close");
        }
    }

    @Override
    public Map<String, String> getQuery() {
        return query;
    }

    @Override
    public Map<String, List<String>> getConnectionHeaders() {
        return headers;
    }

    @Override
    public void write(String message) {
        if (!closing.get()) {
            socket.writeTextMessage(message);
        }
    }

    @Override
    public void write(byte[] message) {
        if (closing.get()) {
            return;
        }
        if (socket.writeQueueFull()) {
            metrics.connectionClosed("not_reading");
            LOG.warnf("dropping a page from its call: it stopped reading (more than web.limits.outbound-audio unsent)");
            closeWith(POLICY_VIOLATION, "not reading");
            return;
        }
        socket.writeBinaryMessage(Buffer.buffer(message));
    }

    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            socket.close();
        }
    }
}
