package dev.voiceagent.web.socketio;

import dev.voiceagent.web.access.AccessPolicy;
import dev.voiceagent.web.access.OriginPolicy;
import dev.voiceagent.web.config.WebConfig;
import dev.voiceagent.web.metrics.WebMetrics;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The Socket.IO server (the Socket.IO organisation's Java library) and the state both transports share: one
 * {@link ConnectionGuard} per Engine.IO connection, found by its sid when a long-polling request or a websocket
 * upgrade names it.
 */
@Singleton
public class SocketIoHost {

    /** The Engine.IO path of the original design's widget. */
    public static final String PATH = "/realtime-voice";

    private final EngineIoServer engine;
    private final SocketIoServer server;
    private final WebConfig.Limits limits;
    private final AccessPolicy access;
    private final WebMetrics metrics;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    /** An Engine.IO connection and its guard. */
    public record Connection(EngineIoSocket socket, ConnectionGuard guard) {
    }

    public SocketIoHost(WebConfig config, AccessPolicy access, WebMetrics metrics) {
        this.limits = config.limits();
        this.access = access;
        this.metrics = metrics;
        EngineIoServerOptions options = EngineIoServerOptions.newFromDefault()
                .setPingInterval(config.pingInterval().toMillis())
                .setPingTimeout(config.pingTimeout().toMillis())
                .setAllowedCorsOrigins(corsOrigins(access.origins()));
        this.engine = new EngineIoServer(options);
        this.engine.on("connection", args -> track((EngineIoSocket) args[0]));
        this.server = new SocketIoServer(engine);
    }

    /** Calls {@code handler} with each socket that connects to the default namespace. */
    public void onConnection(Consumer<SocketIoSocket> handler) {
        server.namespace("/").on("connection", args -> handler.accept((SocketIoSocket) args[0]));
    }

    public EngineIoServer engine() {
        return engine;
    }

    public Optional<Connection> connection(String sid) {
        return sid == null ? Optional.empty() : Optional.ofNullable(connections.get(sid));
    }

    /** A guard for a connection that started on a websocket, before the library has given it an sid. */
    public ConnectionGuard newGuard(Map<String, List<String>> headers) {
        return new ConnectionGuard(limits, access, headers);
    }

    public WebConfig.Limits limits() {
        return limits;
    }

    public WebMetrics metrics() {
        return metrics;
    }

    private void track(EngineIoSocket socket) {
        metrics.connected();
        connections.put(socket.getId(), new Connection(socket, newGuard(socket.getInitialHeaders())));
        socket.on("close", args -> {
            connections.remove(socket.getId());
            metrics.disconnected();
        });
    }

    private static String[] corsOrigins(OriginPolicy origins) {
        if (origins.allowsAny()) {
            return EngineIoServerOptions.ALLOWED_CORS_ORIGIN_ALL;
        }
        return origins.allowed().isEmpty()
                ? EngineIoServerOptions.ALLOWED_CORS_ORIGIN_NONE
                : origins.allowed().toArray(String[]::new);
    }

    @PreDestroy
    void shutdown() {
        engine.shutdown();
    }
}
