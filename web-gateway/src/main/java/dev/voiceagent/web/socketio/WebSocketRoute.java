package dev.voiceagent.web.socketio;

import dev.voiceagent.web.access.ClientAddress;
import dev.voiceagent.web.config.WebConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Takes Engine.IO websocket requests at {@value SocketIoHost#PATH} on Quarkus's HTTP port and hands them to the
 * library; long-polling requests go on to {@link PollingServlet}. A new connection from an address that holds as
 * many as allowed is refused before the upgrade (HTTP 429).
 */
@Singleton
public class WebSocketRoute {

    private static final Logger LOG = Logger.getLogger(WebSocketRoute.class);

    private final SocketIoHost host;
    private final boolean trustForwardedFor;
    private final int outboundLimitBytes;

    public WebSocketRoute(SocketIoHost host, WebConfig config) {
        this.host = host;
        this.trustForwardedFor = config.trustForwardedFor();
        // Assistant audio is PCM16 at 24 kHz: 48 bytes per millisecond.
        this.outboundLimitBytes = (int) Math.min(Integer.MAX_VALUE, config.limits().outboundAudio().toMillis() * 48);
    }

    void register(@Observes Router router) {
        router.route(SocketIoHost.PATH + "/*").order(-100).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!"websocket".equals(request.getParam("transport"))
                || !"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            context.next();
            return;
        }
        Map<String, String> query = new HashMap<>();
        request.params().forEach(entry -> query.putIfAbsent(entry.getKey(), entry.getValue()));
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach(entry -> headers.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                .add(entry.getValue()));
        Optional<SocketIoHost.Connection> upgrading = host.connection(query.get("sid"));
        if (upgrading.isPresent()) {
            request.toWebSocket().onSuccess(socket -> {
                VertxEngineIoWebSocket webSocket = adapter(socket, query, headers, upgrading.get().guard());
                upgrading.get().carriedBy(webSocket);
                host.engine().handleWebSocket(webSocket);
            }).onFailure(error -> LOG.debugf("websocket upgrade failed: %s", error.getMessage()));
            return;
        }
        String address = ClientAddress.of(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                request.getHeader("X-Forwarded-For"), trustForwardedFor);
        if (!host.reserve(address)) {
            context.response().setStatusCode(429).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close").end(PollingServlet.TOO_MANY_CONNECTIONS);
            return;
        }
        request.toWebSocket().onSuccess(socket -> {
            ConnectionGuard guard = host.newGuard(headers);
            VertxEngineIoWebSocket webSocket = adapter(socket, query, headers, guard);
            try {
                host.handshake(address, guard, webSocket, () -> host.engine().handleWebSocket(webSocket));
            } catch (IOException e) {
                throw new IllegalStateException(e); // a websocket handshake does no blocking I/O
            }
        }).onFailure(error -> {
            host.release(address);
            LOG.debugf("websocket upgrade failed: %s", error.getMessage());
        });
    }

    private VertxEngineIoWebSocket adapter(ServerWebSocket socket, Map<String, String> query,
            Map<String, List<String>> headers, ConnectionGuard guard) {
        return new VertxEngineIoWebSocket(socket, query, headers, guard, host.metrics(), outboundLimitBytes);
    }
}
