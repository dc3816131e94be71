package dev.voiceagent.telephony.health;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;

/**
 * Stands in for realtime-core's readiness ({@code GET /q/health/ready}, 200) at {@code core.url}; a test can take it
 * away and bring it back on the same port, as a core that dies and a new one behind the Service.
 */
public class FakeCoreReadiness implements QuarkusTestResourceLifecycleManager {

    private static final Vertx VERTX = Vertx.vertx();
    private static HttpServer server;
    private static int port;

    @Override
    public Map<String, String> start() {
        up();
        return Map.of("core.url", "http://127.0.0.1:" + port, "core.probe-interval", "100ms");
    }

    public static synchronized void up() {
        server = VERTX.createHttpServer().requestHandler(request -> request.response()
                .setStatusCode("/q/health/ready".equals(request.path()) ? 200 : 404).end());
        port = server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
    }

    public static synchronized void down() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }

    @Override
    public void stop() {
        down();
    }
}
