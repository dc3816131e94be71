package dev.voiceagent.session;

import io.netty.channel.EventLoop;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.impl.ContextInternal;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A gateway's sockets to realtime-core: one per core and event loop, opened on first use and shared by every
 * conversation begun on that loop. A conversation's records and its caller's socket then share one thread, and
 * the records of all its neighbours go out together (see {@link RecordWriter}).
 */
public final class CoreConnections implements AutoCloseable {

    private record Key(String url, EventLoop loop) {
    }

    private final Vertx vertx;
    private final WebSocketClient client;
    private final Supplier<String> bearerToken;
    private final Map<Key, Future<CoreConnection>> connections = new ConcurrentHashMap<>();

    /** Connections that present no credential (a core that asks for none, as in tests). */
    public CoreConnections(Vertx vertx) {
        this(vertx, () -> null);
    }

    /**
     * @param bearerToken asked once per socket opened; its value, when not null, goes as {@code Authorization: Bearer}
     *        on the upgrade request, so a core can refuse gateways it does not know
     */
    public CoreConnections(Vertx vertx, Supplier<String> bearerToken) {
        this.vertx = vertx;
        this.bearerToken = bearerToken;
        // Frames no larger than the core accepts (Vert.x's default, 64 KiB): a larger message goes as continuation
        // frames, which the core joins up to its message limit. No compression.
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(64 * 1024)
                .setMaxMessageSize(4 << 20)
                .setConnectTimeout(5_000));
    }

    /**
     * Begins a conversation on the core at {@code coreBaseUrl} and sends {@code start}. Call it on the event loop of
     * the caller's own socket, so that both sockets share it.
     */
    public Future<CoreConversation> open(URI coreBaseUrl, SessionMessage.Start start,
            CoreConversation.Listener listener) {
        ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
        Key key = new Key(CoreConversation.websocketUrl(coreBaseUrl).toString(), context.nettyEventLoop());
        return connections.computeIfAbsent(key, k -> connect(k, context))
                .compose(connection -> connection.open(start, listener));
    }

    private Future<CoreConnection> connect(Key key, ContextInternal context) {
        Promise<CoreConnection> connected = context.promise();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setAbsoluteURI(key.url());
        String token = bearerToken.get();
        if (token != null) {
            options.addHeader("Authorization", "Bearer " + token);
        }
        context.runOnContext(v -> client.connect(options)
                .map(socket -> new CoreConnection(socket, key.loop(), () -> forget(key, connected.future())))
                .onComplete(connected));
        connected.future().onFailure(failure -> forget(key, connected.future()));
        return connected.future();
    }

    private void forget(Key key, Future<CoreConnection> connection) {
        connections.remove(key, connection);
    }

    @Override
    public void close() {
        client.close();
    }
}
