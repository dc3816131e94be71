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
 * the records of all its neighbours go out together (see {@link RecordWriter}). A conversation whose socket is lost
 * is resumed on a new one ({@link ResumePolicy}).
 */
public final class CoreConnections implements AutoCloseable {

    private record Key(String url, EventLoop loop) {
    }

    private final Vertx vertx;
    private final WebSocketClient client;
    private final Supplier<String> bearerToken;
    private final ResumePolicy resume;
    private final Map<Key, Future<CoreConnection>> connections = new ConcurrentHashMap<>();
    private volatile CoreReachability reachability;
    private volatile ResumeOutcome.Observer resumeObserver;

    /** Connections that present no credential (a core that asks for none, as in tests). */
    public CoreConnections(Vertx vertx) {
        this(vertx, () -> null);
    }

    /**
     * @param bearerToken asked once per socket opened; its value, when not null, goes as {@code Authorization: Bearer}
     *        on the upgrade request, so a core can refuse gateways it does not know
     */
    public CoreConnections(Vertx vertx, Supplier<String> bearerToken) {
        this(vertx, bearerToken, ResumePolicy.DEFAULT);
    }

    /** @param resume how conversations whose socket is lost are resumed ({@link ResumePolicy#NEVER}: not at all) */
    public CoreConnections(Vertx vertx, Supplier<String> bearerToken, ResumePolicy resume) {
        this.vertx = vertx;
        this.bearerToken = bearerToken;
        this.resume = resume;
        // Frames no larger than the core accepts (Vert.x's default, 64 KiB): a larger message goes as continuation
        // frames, which the core joins up to its message limit (1 MiB, ConversationRecords.MAX_RECORD_BYTES). The
        // core's records are accepted up to 4 MiB. No compression.
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(64 * 1024)
                .setMaxMessageSize(4 << 20)
                .setConnectTimeout(5_000));
    }

    /** Tells {@code observer} how each conversation whose socket was lost came out of it. */
    public void observeResumes(ResumeOutcome.Observer observer) {
        this.resumeObserver = observer;
    }

    private void resumeOutcome(ResumeOutcome outcome) {
        ResumeOutcome.Observer observer = resumeObserver;
        if (observer != null) {
            observer.outcome(outcome);
        }
    }

    /** Tells {@code reachability} whether sockets to its core could be opened. */
    public void reportTo(CoreReachability reachability) {
        this.reachability = reachability;
    }

    /**
     * Begins a conversation on the core at {@code coreBaseUrl} and sends {@code start}; if its socket is lost, the
     * conversation is resumed on the same URL. Call it on the event loop of the caller's own socket, so that both
     * sockets share it.
     */
    public Future<CoreConversation> open(URI coreBaseUrl, SessionMessage.Start start,
            CoreConversation.Listener listener) {
        return open(coreBaseUrl, coreBaseUrl, start, listener);
    }

    /**
     * As {@link #open(URI, SessionMessage.Start, CoreConversation.Listener)}, but a lost conversation is resumed on
     * {@code resumeBaseUrl}: the configured core (its Service) when {@code coreBaseUrl} names one instance, such as
     * the core that pre-warmed the call.
     */
    public Future<CoreConversation> open(URI coreBaseUrl, URI resumeBaseUrl, SessionMessage.Start start,
            CoreConversation.Listener listener) {
        ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
        CoreConversation conversation = new CoreConversation(context, start,
                new Resumption.Target(resumeBaseUrl, resume, this::connectionFor, this::resumeOutcome), listener);
        return connectionFor(coreBaseUrl, context).compose(connection -> {
            Promise<CoreConversation> opened = context.promise();
            EventLoops.run(context.nettyEventLoop(), () -> {
                if (connection.adopt(conversation, start)) {
                    opened.complete(conversation);
                } else {
                    opened.fail("the conversations socket to the core closed");
                }
            });
            return opened.future();
        });
    }

    private Future<CoreConnection> connectionFor(URI coreBaseUrl, ContextInternal context) {
        Key key = new Key(CoreConversation.websocketUrl(coreBaseUrl).toString(), context.nettyEventLoop());
        return connections.computeIfAbsent(key, k -> connect(k, context));
    }

    private Future<CoreConnection> connect(Key key, ContextInternal context) {
        Promise<CoreConnection> connected = context.promise();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setAbsoluteURI(key.url());
        String token = bearerToken.get();
        if (token != null) {
            options.addHeader("Authorization", "Bearer " + token);
        }
        context.runOnContext(v -> client.connect(options)
                .map(socket -> new CoreConnection(socket, key.loop(), key.url(), () -> forget(key, connected.future())))
                .onComplete(connected));
        connected.future().onComplete(result -> {
            CoreReachability observer = reachability;
            if (observer != null) {
                observer.observed(URI.create(key.url()), result.succeeded());
            }
            if (result.failed()) {
                forget(key, connected.future());
            }
        });
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
