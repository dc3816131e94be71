package dev.voiceagent.core.openai;

import dev.voiceagent.core.config.OpenAiConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Opens GA Realtime websockets: OpenAI with a bearer token, Azure OpenAI with its {@code api-key} header, and
 * never the retired {@code OpenAI-Beta} header.
 */
@ApplicationScoped
public class RealtimeConnector {

    private final OpenAiConfig config;
    private final WebSocketClient client;

    public RealtimeConnector(OpenAiConfig config, Vertx vertx) {
        this.config = config;
        // Every conversation opens its own socket to the same host: Vert.x's default limit of 50 per host would
        // queue the 51st call's session behind the others (the load benchmark found it).
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(Integer.MAX_VALUE)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxFrameSize(1 << 20)
                .setMaxMessageSize(16 << 20));
    }

    /** Connects on the caller's Vert.x context, so the socket's callbacks run on that same event loop. */
    public Future<WebSocket> connect() {
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
        return client.connect(options);
    }

    String sessionUrl() {
        String base = config.realtimeUrl().toString();
        String separator = base.contains("?") ? "&" : "?";
        return base + separator + "model=" + URLEncoder.encode(config.model(), StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
