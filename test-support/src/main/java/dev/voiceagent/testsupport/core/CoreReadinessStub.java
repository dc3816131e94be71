package dev.voiceagent.testsupport.core;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;

/**
 * Stands in for realtime-core's readiness alone ({@code GET /q/health/ready}, 200), for a gateway's tests of what
 * it does with and without a reachable core. It can be taken away and brought back on the same port, as a core
 * that dies and a new one behind the Service. Thread-safe.
 */
public final class CoreReadinessStub implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private HttpServer server;
    private int port;

    public CoreReadinessStub() {
        up();
    }

    public synchronized URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public synchronized void up() {
        server = vertx.createHttpServer().requestHandler(request -> request.response()
                .setStatusCode("/q/health/ready".equals(request.path()) ? 200 : 404).end());
        port = server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
    }

    public synchronized void down() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
