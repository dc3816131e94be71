package dev.voiceagent.testsupport.openai;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A fake of the OpenAI Realtime API (GA) over websocket, strict where the real service is strict. Accepts
 * {@code /v1/realtime?model=} with {@code Authorization: Bearer} (OpenAI) and {@code /openai/v1/realtime?model=}
 * with {@code api-key} (Azure); refuses the retired {@code OpenAI-Beta} header. Each accepted socket becomes a
 * {@link FakeRealtimeSession} that records what it received and can be scripted by the test.
 */
public final class FakeRealtimeServer implements AutoCloseable {

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final HttpServer server;
    private final List<FakeRealtimeSession> sessions = new CopyOnWriteArrayList<>();
    private volatile String expectedApiKey = "test-key";
    private volatile boolean refuseConnections;
    private final java.util.concurrent.atomic.AtomicInteger refuseNext = new java.util.concurrent.atomic.AtomicInteger();
    private volatile FakeRealtimeSession.Options sessionOptions = FakeRealtimeSession.Options.defaults();
    private volatile int rejectedHandshakes;

    private FakeRealtimeServer(Vertx vertx, boolean ownsVertx) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.server = vertx.createHttpServer(new HttpServerOptions()
                .setHost("127.0.0.1").setPort(0).setMaxWebSocketMessageSize(16 << 20).setMaxWebSocketFrameSize(1 << 20))
                .requestHandler(this::handshake);
    }

    /** Starts on a random loopback port with its own Vert.x instance. */
    public static FakeRealtimeServer start() {
        return start(Vertx.vertx(), true);
    }

    public static FakeRealtimeServer start(Vertx vertx) {
        return start(vertx, false);
    }

    private static FakeRealtimeServer start(Vertx vertx, boolean ownsVertx) {
        FakeRealtimeServer fake = new FakeRealtimeServer(vertx, ownsVertx);
        fake.server.listen().toCompletionStage().toCompletableFuture().join();
        return fake;
    }

    /** URL to configure as the OpenAI realtime URL (the client adds {@code ?model=}). */
    public URI openAiUrl() {
        return URI.create("ws://127.0.0.1:" + server.actualPort() + "/v1/realtime");
    }

    /** URL in the Azure OpenAI GA form. */
    public URI azureUrl() {
        return URI.create("ws://127.0.0.1:" + server.actualPort() + "/openai/v1/realtime");
    }

    /** The key clients must present (Bearer for OpenAI, {@code api-key} for Azure). Default {@code test-key}. */
    public FakeRealtimeServer expectApiKey(String key) {
        this.expectedApiKey = key;
        return this;
    }

    /** While true, every handshake is answered 503, as when the service is down. */
    public FakeRealtimeServer refuseConnections(boolean refuse) {
        this.refuseConnections = refuse;
        return this;
    }

    /** The next {@code count} handshakes are answered 503, then the service is back. */
    public FakeRealtimeServer refuseNextConnections(int count) {
        refuseNext.set(count);
        return this;
    }

    /** Options for sessions accepted from now on. */
    public FakeRealtimeServer sessionOptions(FakeRealtimeSession.Options options) {
        this.sessionOptions = options;
        return this;
    }

    public List<FakeRealtimeSession> sessions() {
        return List.copyOf(sessions);
    }

    /** Waits until at least {@code count} sessions were accepted, and returns them all. */
    public List<FakeRealtimeSession> awaitSessions(int count) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> sessions.size() >= count);
        return sessions();
    }

    /** The {@code n}-th accepted session (0-based), waiting for it. */
    public FakeRealtimeSession session(int n) {
        return awaitSessions(n + 1).get(n);
    }

    /** Handshakes refused for bad authentication, headers or parameters. */
    public int rejectedHandshakes() {
        return rejectedHandshakes;
    }

    public void reset() {
        sessions.forEach(FakeRealtimeSession::closeQuietly);
        sessions.clear();
        sessionOptions = FakeRealtimeSession.Options.defaults();
        refuseConnections = false;
        refuseNext.set(0);
        rejectedHandshakes = 0;
    }

    private void handshake(HttpServerRequest request) {
        if (refuseConnections || refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            reject(request, 503, "service unavailable");
            return;
        }
        boolean azure = request.path().equals("/openai/v1/realtime");
        if (!azure && !request.path().equals("/v1/realtime")) {
            reject(request, 404, "no such endpoint");
            return;
        }
        if (request.getHeader("OpenAI-Beta") != null) {
            reject(request, 400, "the beta interface is retired; remove the OpenAI-Beta header");
            return;
        }
        String model = request.getParam("model");
        if (model == null || model.isBlank()) {
            reject(request, 400, "missing required parameter: 'model'");
            return;
        }
        String presented = azure ? request.getHeader("api-key") : bearer(request.getHeader("Authorization"));
        if (!expectedApiKey.equals(presented)) {
            reject(request, 401, "incorrect API key provided");
            return;
        }
        FakeRealtimeSession.Options options = sessionOptions;
        request.toWebSocket().onSuccess(socket ->
                sessions.add(new FakeRealtimeSession(vertx.getOrCreateContext(), socket, request.connection(), model, options)));
    }

    private void reject(HttpServerRequest request, int status, String message) {
        rejectedHandshakes++;
        request.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end("{\"error\":{\"message\":\"" + message + "\"}}");
    }

    private static String bearer(String header) {
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    }

    @Override
    public void close() {
        sessions.forEach(FakeRealtimeSession::closeQuietly);
        server.close().toCompletionStage().toCompletableFuture().join();
        if (ownsVertx) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** Convenience for tests: a duration of audio in the given session's output format. */
    public static byte[] silence(String formatType, Duration duration) {
        int bytesPerMs = FakeRealtimeSession.bytesPerMs(formatType);
        byte[] audio = new byte[(int) (duration.toMillis() * bytesPerMs)];
        if (!"audio/pcm".equals(formatType)) {
            java.util.Arrays.fill(audio, (byte) 0xFF);
        }
        return audio;
    }
}
