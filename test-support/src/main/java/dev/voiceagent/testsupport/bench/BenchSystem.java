package dev.voiceagent.testsupport.bench;

import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import dev.voiceagent.testsupport.twilio.AudioSource;
import dev.voiceagent.testsupport.twilio.TwilioCallSimulator;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the benchmark loads: telephony-gateway, realtime-core and mcp-tools from their packaged jars, each in its own
 * JVM with production settings and a GC log, against the fake OpenAI server in this JVM. Twilio signatures are on
 * (webhook and stream upgrade, with stream tickets), and the core looks up every caller in mcp-tools (its caller-ID
 * lookup), half of them numbers that have a phone session there. Several runs can share one system (the leak check
 * and the warm-up before a traffic mode do).
 */
final class BenchSystem implements AutoCloseable {

    static final String SECRET = "bench-session-reference-secret";
    static final String INTERNAL_SECRET = "bench-internal-auth-secret";
    static final String TWILIO_AUTH_TOKEN = "bench-twilio-auth-token";
    static final String MCP_TOKEN = "bench-mcp-token";
    static final String PUBLIC_WEBHOOK = "https://bench.example.com/incoming-call";
    static final URI PUBLIC_STREAM = URI.create("wss://bench.example.com/media-stream");
    /** mcp-tools' demo data has a phone session for these two numbers (db/migration/V2__demo_data.sql). */
    private static final String[] KNOWN_CALLERS = {"+14000000000", "+15000000000"};

    final Vertx vertx = Vertx.vertx();
    final FakeRealtimeServer openAi = FakeRealtimeServer.start(vertx).expectApiKey("sk-bench");
    final QuarkusServiceProcess mcpTools;
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
        Path database = Path.of("target", "bench-db", "mcp-tools-" + id).toAbsolutePath();
        mcpTools = QuarkusServiceProcess.start("bench-mcp-tools", QuarkusServiceProcess.runJarOf("mcp-tools"), Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE",
                "mcp-auth.tokens", MCP_TOKEN),
                jvmOptions(new GcLog(logs.resolve("bench-mcp-tools-gc-" + id + ".log").toAbsolutePath())));
        core = QuarkusServiceProcess.start("bench-core", QuarkusServiceProcess.runJarOf("realtime-core"), Map.of(
                "openai.realtime-url", openAi.openAiUrl().toString(), "openai.api-key", "sk-bench",
                "core.session-ref.secret", SECRET, "core.max-sessions", Integer.toString(maxCalls + maxWebSessions + 10),
                "voice.mcp.booking.url", mcpTools.baseUrl().resolve("/mcp").toString(),
                "voice.mcp.booking.token", MCP_TOKEN, "internal-auth.secret", INTERNAL_SECRET),
                jvmOptions(coreGc));
        gateway = QuarkusServiceProcess.start("bench-gateway", QuarkusServiceProcess.runJarOf("telephony-gateway"),
                Map.of("core.url", core.baseUrl().toString(), "core.session-ref.secret", SECRET,
                        "twilio.media-stream-url", PUBLIC_STREAM.toString(), "twilio.auth-token", TWILIO_AUTH_TOKEN,
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

    /**
     * Even calls come from a number with a phone session in mcp-tools (the caller-ID lookup finds a trip), odd ones
     * from a number without one. Known numbers repeat, so runs match a call to its upstream session by the tags of
     * its audio, never by the number.
     */
    static String caller(int call) {
        return call % 2 == 0 ? KNOWN_CALLERS[call / 2 % KNOWN_CALLERS.length] : String.format("+1555%07d", call);
    }

    /** A Twilio call to the gateway, signed as Twilio signs it, from {@link #caller(int)}, saying {@code voice}. */
    TwilioCallSimulator call(int call, AudioSource voice) {
        URI localStream = URI.create("ws://127.0.0.1:" + gateway.port() + "/media-stream");
        return new TwilioCallSimulator(vertx, new TwilioCallSimulator.Call(gateway.baseUrl().resolve("/incoming-call"),
                PUBLIC_WEBHOOK, TWILIO_AUTH_TOKEN, caller(call), String.format("CA%016x%016x", call, System.nanoTime()),
                publicUrl -> localStream, voice));
    }

    /** The three services of the phone path, by name, for CPU readings. */
    Map<String, QuarkusServiceProcess> phoneServices() {
        Map<String, QuarkusServiceProcess> services = new LinkedHashMap<>();
        services.put("gateway", gateway);
        services.put("core", core);
        services.put("mcpTools", mcpTools);
        return services;
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
        mcpTools.close();
        openAi.close();
        vertx.close();
    }
}
