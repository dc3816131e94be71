package dev.voiceagent.web.socketio;

import dev.voiceagent.web.config.WebConfig;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.inject.Singleton;

/**
 * Lets websocket frames up to twice the packet limit through Vert.x, so that the {@link ConnectionGuard} decides
 * about oversized packets: it answers with a counted, explained close (1009) where Vert.x's own 64 KiB frame
 * limit would drop the connection silently. Twice, so that the guard still sees what it refuses.
 */
@Singleton
public class WebSocketFrameLimits implements HttpServerOptionsCustomizer {

    private final int maxBytes;

    public WebSocketFrameLimits(WebConfig config) {
        this.maxBytes = 2 * config.limits().maxPacketBytes();
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setMaxWebSocketFrameSize(maxBytes).setMaxWebSocketMessageSize(maxBytes);
    }
}
