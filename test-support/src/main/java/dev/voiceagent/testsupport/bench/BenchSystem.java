package dev.voiceagent.testsupport.bench;

import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the benchmark loads: telephony-gateway and realtime-core from their packaged jars, each in its own JVM with
 * production settings and a GC log, against the fake OpenAI server in this JVM. Several runs can share one system
 * (the leak check does).
 */
final class BenchSystem implements AutoCloseable {

    static final String SECRET = "bench-session-reference-secret";
    static final String INTERNAL_SECRET = "bench-internal-auth-secret";

    final Vertx vertx = Vertx.vertx();
    final FakeRealtimeServer openAi = FakeRealtimeServer.start(vertx).expectApiKey("sk-bench");
    final QuarkusServiceProcess core;
    final QuarkusServiceProcess gateway;
    final GcLog coreGc;
    final GcLog gatewayGc;
    /** web-gateway, when the run has Socket.IO sessions; else null. */
    final QuarkusServiceProcess web;

    BenchSystem(int maxCalls) throws IOException {
        this(maxCalls, 0);
    }

    BenchSystem(int maxCalls, int maxWebSessions) throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "service-logs"));
        long id = System.nanoTime();
        coreGc = new GcLog(logs.resolve("bench-core-gc-" + id + ".log").toAbsolutePath());
        gatewayGc = new GcLog(logs.resolve("bench-gateway-gc-" + id + ".log").toAbsolutePath());
        core = QuarkusServiceProcess.start("bench-core", QuarkusServiceProcess.runJarOf("realtime-core"), Map.of(
                "openai.realtime-url", openAi.openAiUrl().toString(), "openai.api-key", "sk-bench",
                "core.session-ref.secret", SECRET, "core.max-sessions", Integer.toString(maxCalls + maxWebSessions + 10),
                "voice.mcp.booking.url", "http://127.0.0.1:9/mcp", "internal-auth.secret", INTERNAL_SECRET),
                jvmOptions(coreGc));
        gateway = QuarkusServiceProcess.start("bench-gateway", QuarkusServiceProcess.runJarOf("telephony-gateway"),
                Map.of("core.url", core.baseUrl().toString(), "core.session-ref.secret", SECRET,
                        "twilio.media-stream-url", "wss://bench.example.com/media-stream",
                        "internal-auth.secret", INTERNAL_SECRET), jvmOptions(gatewayGc));
        web = maxWebSessions == 0 ? null : QuarkusServiceProcess.start("bench-web",
                QuarkusServiceProcess.runJarOf("web-gateway"), Map.of("web.core.url", core.baseUrl().toString(),
                        "internal-auth.secret", INTERNAL_SECRET,
                        // every bench session comes from this one address: its limits must not be what is measured
                        "web.limits.connections-per-address", Integer.toString(maxWebSessions + 10),
                        "web.limits.sessions-per-address", Integer.toString(maxWebSessions + 10),
                        "web.limits.max-sessions", Integer.toString(maxWebSessions + 10)),
                jvmOptions(new GcLog(logs.resolve("bench-web-gc-" + id + ".log").toAbsolutePath())));
    }

    /** The GC log, plus BENCH_SERVICE_JVM_OPTS (e.g. a JFR recording or another collector). */
    private static Map<String, String> jvmOptions(GcLog gc) {
        String extra = System.getenv("BENCH_SERVICE_JVM_OPTS");
        return Map.of("JAVA_TOOL_OPTIONS", gc.jvmOption() + (extra == null ? "" : " " + extra));
    }

    @Override
    public void close() {
        if (web != null) {
            web.close();
        }
        gateway.close();
        core.close();
        openAi.close();
        vertx.close();
    }
}
