package dev.voiceagent.web.conversation;

import dev.voiceagent.session.CoreConversation;
import dev.voiceagent.web.config.WebConfig;
import dev.voiceagent.web.metrics.WebMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/** What every web conversation uses: configuration, metrics, and the shared client for core sockets. */
@Singleton
public class WebServices {

    private final WebConfig config;
    private final WebMetrics metrics;
    private final Vertx vertx;
    private final WebSocketClient coreClient;
    private final SessionDrain drain;

    public WebServices(WebConfig config, WebMetrics metrics, Vertx vertx, SessionDrain drain) {
        this.config = config;
        this.drain = drain;
        this.metrics = metrics;
        this.vertx = vertx;
        this.coreClient = CoreConversation.newClient(vertx);
    }

    public SessionDrain drain() {
        return drain;
    }

    public WebConfig config() {
        return config;
    }

    public WebMetrics metrics() {
        return metrics;
    }

    public Vertx vertx() {
        return vertx;
    }

    public WebSocketClient coreClient() {
        return coreClient;
    }

    @PreDestroy
    void close() {
        coreClient.close();
    }
}
