package dev.voiceagent.web.socketio;

import dev.voiceagent.web.metrics.WebMetrics;
import io.socket.engineio.server.EngineIoWebSocket;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.Map;

/**
 * Lets the Socket.IO library speak over a Vert.x websocket on Quarkus's own HTTP port. Each inbound frame passes
 * the connection's {@link ConnectionGuard} first; what it refuses never reaches the library.
 */
final class VertxEngineIoWebSocket extends EngineIoWebSocket {

    private final ServerWebSocket socket;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final ConnectionGuard guard;
    private final WebMetrics metrics;

    VertxEngineIoWebSocket(ServerWebSocket socket, Map<String, String> query, Map<String, List<String>> headers,
            ConnectionGuard guard, WebMetrics metrics) {
        this.socket = socket;
        this.query = query;
        this.headers = headers;
        this.guard = guard;
        this.metrics = metrics;
        socket.textMessageHandler(this::onText);
        socket.binaryMessageHandler(this::onBinary);
        socket.closeHandler(ignored -> emit("close"));
        socket.exceptionHandler(error -> emit("error", "websocket", String.valueOf(error.getMessage())));
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
        ConnectionGuard.Verdict verdict = guard.binary(data.length());
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
                metrics.badInput(close.kind());
                socket.close((short) (close.kind().equals("oversized") ? 1009 : 1008), close.reason());
            }
            case ConnectionGuard.Admit admit -> throw new IllegalArgumentException("not a refusal");
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
        socket.writeTextMessage(message);
    }

    @Override
    public void write(byte[] message) {
        socket.writeBinaryMessage(Buffer.buffer(message));
    }

    @Override
    public void close() {
        socket.close();
    }
}
