package dev.voiceagent.core.openai;

import dev.voiceagent.core.config.OpenAiConfig;
import dev.voiceagent.core.model.ModelListener;
import dev.voiceagent.core.model.ModelSession;
import dev.voiceagent.core.model.RealtimeModel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * OpenAI or Azure OpenAI over GA Realtime websockets: OpenAI with a bearer token, Azure with its {@code api-key}
 * header, and never the retired {@code OpenAI-Beta} header.
 */
public final class OpenAiRealtimeModel implements RealtimeModel, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OpenAiRealtimeModel.class);

    /** RFC 6455: the connection ended without a close frame. */
    private static final int ABNORMAL_CLOSURE = 1006;
    private static final short MESSAGE_TOO_BIG = 1009;

    private final OpenAiConfig config;
    private final WebSocketClient client;

    public OpenAiRealtimeModel(OpenAiConfig config, Vertx vertx) {
        this.config = config;
        // Every conversation opens its own socket to the same host: Vert.x's default limit of 50 per host would
        // queue the 51st call's session behind the others (the load benchmark found it).
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(Integer.MAX_VALUE)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxFrameSize(Math.min(1 << 20, config.maxEventBytes()))
                .setMaxMessageSize(config.maxEventBytes()));
    }

    @Override
    public String label() {
        return config.model();
    }

    /** Connects on the caller's Vert.x context, so the socket's callbacks run on that same event loop. */
    @Override
    public Future<ModelSession> open(ModelListener listener) {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(sessionUrl())
                .setTimeout(config.connectTimeout().toMillis());
        config.apiKey().ifPresent(key -> {
            if (config.provider() == OpenAiConfig.Provider.AZURE) {
                options.addHeader("api-key", key);
            } else {
                options.addHeader("Authorization", "Bearer " + key);
            }
        });
        return client.connect(options).map(socket -> {
            boolean[] reported = new boolean[1];
            socket.textMessageHandler(listener::onEvent);
            socket.closeHandler(v -> {
                Short code = socket.closeStatusCode();
                if (!reported[0]) {
                    reported[0] = true;
                    listener.onClosed(code == null ? ABNORMAL_CLOSURE : code, code == null ? "connection lost"
                            : "close " + code + (socket.closeReason() == null ? "" : " " + socket.closeReason()));
                }
            });
            socket.exceptionHandler(e -> {
                // Vert.x reports an event over the message limit but keeps the socket: the rest of it would follow.
                if (e.getMessage() != null && e.getMessage().contains("max message size") && !reported[0]) {
                    reported[0] = true;
                    listener.onClosed(MESSAGE_TOO_BIG, e.getMessage());
                    socket.close(MESSAGE_TOO_BIG, "message too big");
                } else {
                    LOG.debugf("upstream socket error: %s", e.getMessage());
                }
            });
            return new Session(socket);
        });
    }

    String sessionUrl() {
        String base = config.realtimeUrl().toString();
        String separator = base.contains("?") ? "&" : "?";
        return base + separator + "model=" + URLEncoder.encode(config.model(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }

    private record Session(WebSocket socket) implements ModelSession {

        @Override
        public void send(String clientEvent) {
            if (!socket.isClosed()) {
                socket.writeTextMessage(clientEvent);
            }
        }

        @Override
        public void close() {
            if (!socket.isClosed()) {
                socket.close();
            }
        }
    }
}
