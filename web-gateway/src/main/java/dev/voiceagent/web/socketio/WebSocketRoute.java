package dev.voiceagent.web.socketio;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Takes Engine.IO websocket requests at {@value SocketIoHost#PATH} on Quarkus's HTTP port and hands them to the
 * library; long-polling requests go on to {@link PollingServlet}.
 */
@Singleton
public class WebSocketRoute {

    private static final Logger LOG = Logger.getLogger(WebSocketRoute.class);

    private final SocketIoHost host;

    public WebSocketRoute(SocketIoHost host) {
        this.host = host;
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
        ConnectionGuard guard = host.connection(query.get("sid"))
                .map(SocketIoHost.Connection::guard)
                .orElseGet(() -> host.newGuard(headers));
        request.toWebSocket()
                .onSuccess(socket -> host.engine().handleWebSocket(
                        new VertxEngineIoWebSocket(socket, query, headers, guard, host.metrics())))
                .onFailure(error -> LOG.debugf("websocket upgrade failed: %s", error.getMessage()));
    }
}
