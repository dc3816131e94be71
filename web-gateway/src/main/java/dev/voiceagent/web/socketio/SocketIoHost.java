package dev.voiceagent.web.socketio;

import dev.voiceagent.web.access.AccessPolicy;
import dev.voiceagent.web.access.Capacity;
import dev.voiceagent.web.access.OriginPolicy;
import dev.voiceagent.web.config.WebConfig;
import dev.voiceagent.web.metrics.WebMetrics;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The Socket.IO server (the Socket.IO organisation's Java library) and the state both transports share: one
 * {@link Connection} per Engine.IO connection (its client address and its {@link ConnectionGuard}), found by its sid
 * when a long-polling request or a websocket upgrade names it. Each new connection takes a slot of its address
 * ({@link Capacity}) and must send its Socket.IO CONNECT within {@code web.limits.connect-timeout}.
 */
@Singleton
public class SocketIoHost {

    /** The Engine.IO path of the original design's widget. */
    public static final String PATH = "/realtime-voice";

    private static final Logger LOG = Logger.getLogger(SocketIoHost.class);

    private final EngineIoServer engine;
    private final SocketIoServer server;
    private final WebConfig.Limits limits;
    private final AccessPolicy access;
    private final Capacity capacity;
    private final WebMetrics metrics;
    private final Vertx vertx;
    private final EngineIoTimers timers = new EngineIoTimers();
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    /** The handshake under way on this thread: the library opens the connection synchronously inside it. */
    private final ThreadLocal<Opening> opening = new ThreadLocal<>();

    private record Opening(String address, ConnectionGuard guard, VertxEngineIoWebSocket webSocket) {
    }

    /** An Engine.IO connection: its client's address, its guard, and the websocket carrying it once there is one. */
    public static final class Connection {
        private final EngineIoSocket socket;
        private final ConnectionGuard guard;
        private final String address;
        private volatile VertxEngineIoWebSocket webSocket;

        Connection(EngineIoSocket socket, ConnectionGuard guard, String address, VertxEngineIoWebSocket webSocket) {
            this.socket = socket;
            this.guard = guard;
            this.address = address;
            this.webSocket = webSocket;
        }

        public EngineIoSocket socket() {
            return socket;
        }

        public ConnectionGuard guard() {
            return guard;
        }

        public String address() {
            return address;
        }

        void carriedBy(VertxEngineIoWebSocket upgraded) {
            this.webSocket = upgraded;
        }

        /** Closes the connection, with this websocket close code when a websocket carries it. */
        public void close(short code, String reason) {
            VertxEngineIoWebSocket current = webSocket;
            if (current != null) {
                current.closeWith(code, reason);
            } else {
                socket.close();
            }
        }
    }

    public SocketIoHost(WebConfig config, AccessPolicy access, Capacity capacity, WebMetrics metrics, Vertx vertx) {
        this.limits = config.limits();
        this.access = access;
        this.capacity = capacity;
        this.metrics = metrics;
        this.vertx = vertx;
        EngineIoServerOptions options = EngineIoServerOptions.newFromDefault()
                .setPingInterval(config.pingInterval().toMillis())
                .setPingTimeout(config.pingTimeout().toMillis())
                .setAllowedCorsOrigins(corsOrigins(access.origins()));
        options.setScheduledExecutorService(timers);
        this.engine = new EngineIoServer(options);
        this.engine.on("connection", args -> track((EngineIoSocket) args[0]));
        this.server = new SocketIoServer(engine);
    }

    /** Calls {@code handler} with each socket that connects to the default namespace. */
    public void onConnection(Consumer<SocketIoSocket> handler) {
        server.namespace("/").on("connection", args -> handler.accept((SocketIoSocket) args[0]));
    }

    EngineIoServer engine() {
        return engine;
    }

    public Optional<Connection> connection(String sid) {
        return sid == null ? Optional.empty() : Optional.ofNullable(connections.get(sid));
    }

    /** The connection a Socket.IO socket runs on. */
    public Optional<Connection> connectionOf(SocketIoSocket socket) {
        return connection(socket.getClient().getConnection().getId());
    }

    /** A guard for a connection about to open. */
    ConnectionGuard newGuard(Map<String, List<String>> headers) {
        return new ConnectionGuard(limits, access, headers);
    }

    /** Takes a connection slot of {@code address} before a handshake; false (counted) when it has none left. */
    boolean reserve(String address) {
        if (capacity.openConnection(address)) {
            return true;
        }
        metrics.connectRefused("address_connections");
        return false;
    }

    /** Gives back a slot whose handshake never ran. */
    void release(String address) {
        capacity.connectionClosed(address);
    }

    /**
     * Runs the library's handshake of a new connection from {@code address}, which has reserved its slot; the
     * library opens the connection synchronously inside it, and the slot goes back if it did not.
     *
     * @param guard the guard already reading the connection's frames, or null to make one
     */
    void handshake(String address, ConnectionGuard guard, VertxEngineIoWebSocket webSocket, Handshake handshake)
            throws IOException {
        opening.set(new Opening(address, guard, webSocket));
        try {
            handshake.run();
        } finally {
            if (opening.get() != null) {
                release(address);
            }
            opening.remove();
        }
    }

    /** The library call that performs a handshake. */
    @FunctionalInterface
    interface Handshake {
        void run() throws IOException;
    }

    WebConfig.Limits limits() {
        return limits;
    }

    WebMetrics metrics() {
        return metrics;
    }

    private void track(EngineIoSocket socket) {
        Opening opened = opening.get();
        opening.remove();
        String address = opened == null ? "unknown" : opened.address();
        ConnectionGuard guard = opened == null || opened.guard() == null ? newGuard(socket.getInitialHeaders())
                : opened.guard();
        Connection connection = new Connection(socket, guard, address, opened == null ? null : opened.webSocket());
        metrics.connected();
        connections.put(socket.getId(), connection);
        long timer = vertx.setTimer(limits.connectTimeout().toMillis(), t -> {
            if (!guard.isConnected()) {
                metrics.connectionClosed("no_connect");
                LOG.debugf("closing connection %s: no Socket.IO CONNECT within %s", socket.getId(),
                        limits.connectTimeout());
                connection.close((short) 1008, "no Socket.IO CONNECT in time");
            }
        });
        socket.on("close", args -> {
            vertx.cancelTimer(timer);
            if (connections.remove(socket.getId()) != null) {
                capacity.connectionClosed(address);
                metrics.disconnected();
            }
        });
    }

    private static String[] corsOrigins(OriginPolicy origins) {
        if (origins.allowsAny() || origins.allowsLocal()) {
            // With local pages allowed (dev only) any port may be the page's: the CONNECT's origin check decides.
            return EngineIoServerOptions.ALLOWED_CORS_ORIGIN_ALL;
        }
        return origins.allowed().isEmpty()
                ? EngineIoServerOptions.ALLOWED_CORS_ORIGIN_NONE
                : origins.allowed().toArray(String[]::new);
    }

    @PreDestroy
    void shutdown() {
        engine.shutdown();
        timers.shutdownNow();
    }
}
