package dev.voiceagent.web.socketio;

import dev.voiceagent.web.config.WebConfig;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.inject.Singleton;

/**
 * Lets websocket frames up to eight times the packet limit (1 MiB by default) through Vert.x, so that the
 * {@link ConnectionGuard} decides about oversized packets: it answers with a counted, explained close (1009) once
 * the frame is read. Over Vert.x's limit the frame is never read whole, and closing a connection with unread input
 * resets it, so the client would see 1006 instead; the margin keeps that to frames no client sends by mistake, at
 * the cost of buffering one such frame per connection before closing it.
 */
@Singleton
public class WebSocketFrameLimits implements HttpServerOptionsCustomizer {

    private final int maxBytes;

    public WebSocketFrameLimits(WebConfig config) {
        this.maxBytes = 8 * config.limits().maxPacketBytes();
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setMaxWebSocketFrameSize(maxBytes).setMaxWebSocketMessageSize(maxBytes);
    }
}
