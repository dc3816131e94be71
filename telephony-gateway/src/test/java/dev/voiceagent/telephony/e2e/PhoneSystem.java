package dev.voiceagent.telephony.e2e;

import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import dev.voiceagent.testsupport.twilio.AudioSource;
import dev.voiceagent.testsupport.twilio.TwilioCallSimulator;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The phone path as it runs in production, on loopback: two realtime-core instances, two telephony gateways and
 * mcp-tools as separate JVMs from their packaged jars, a strict fake of OpenAI, and simulated Twilio calls. Both gateways
 * sit behind one public name, as behind a load balancer; gateway 1 uses core A, gateway 2 uses core B.
 */
final class PhoneSystem implements AutoCloseable {

    static final String AUTH_TOKEN = "twilio-test-auth-token";
    static final String PUBLIC_HOST = "voice.example.com";
    static final String PUBLIC_WEBHOOK = "https://" + PUBLIC_HOST + "/incoming-call";
    private static final String SECRET = "e2e-session-reference-secret";
    private static final String INTERNAL_SECRET = "e2e-internal-auth-secret";
    private static final String MCP_TOKEN = "e2e-mcp-token";

    final Vertx vertx = Vertx.vertx();
    final FakeRealtimeServer openAi = FakeRealtimeServer.start(vertx).expectApiKey("sk-e2e");
    final QuarkusServiceProcess mcpTools;
    final QuarkusServiceProcess coreA;
    final QuarkusServiceProcess coreB;
    final QuarkusServiceProcess gateway1;
    final QuarkusServiceProcess gateway2;

    PhoneSystem() {
        Path database = Path.of("target", "e2e-db", "mcp-tools").toAbsolutePath();
        mcpTools = startAsync("mcp-tools", "mcp-tools", Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE",
                "mcp-auth.tokens", MCP_TOKEN)).join();
        Map<String, String> core = Map.of("openai.realtime-url", openAi.openAiUrl().toString(),
                "openai.api-key", "sk-e2e", "core.session-ref.secret", SECRET,
                "voice.mcp.booking.url", mcpTools.baseUrl().resolve("/mcp").toString(), "voice.mcp.booking.token", MCP_TOKEN,
                "internal-auth.secret", INTERNAL_SECRET);
        CompletableFuture<QuarkusServiceProcess> a = startAsync("core-a", "realtime-core", core);
        CompletableFuture<QuarkusServiceProcess> b = startAsync("core-b", "realtime-core", core);
        coreA = a.join();
        coreB = b.join();
        CompletableFuture<QuarkusServiceProcess> g1 = startAsync("gateway-1", "telephony-gateway", gateway(coreA));
        CompletableFuture<QuarkusServiceProcess> g2 = startAsync("gateway-2", "telephony-gateway", gateway(coreB));
        gateway1 = g1.join();
        gateway2 = g2.join();
    }

    private static Map<String, String> gateway(QuarkusServiceProcess core) {
        return Map.of("core.url", core.baseUrl().toString(), "core.session-ref.secret", SECRET,
                "twilio.auth-token", AUTH_TOKEN, "twilio.media-stream-url", "wss://" + PUBLIC_HOST + "/media-stream",
                "internal-auth.secret", INTERNAL_SECRET);
    }

    private static CompletableFuture<QuarkusServiceProcess> startAsync(String name, String module,
            Map<String, String> properties) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return QuarkusServiceProcess.start(name, QuarkusServiceProcess.runJarOf(module), properties, Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A call whose webhook and media stream both reach the given gateway. */
    TwilioCallSimulator call(String from, QuarkusServiceProcess gateway, AudioSource voice) {
        return call(from, gateway, gateway, AUTH_TOKEN, voice);
    }

    TwilioCallSimulator call(String from, QuarkusServiceProcess webhookGateway, QuarkusServiceProcess streamGateway,
            String authToken, AudioSource voice) {
        URI localStream = URI.create("ws://127.0.0.1:" + streamGateway.port() + "/media-stream");
        return new TwilioCallSimulator(vertx, new TwilioCallSimulator.Call(
                webhookGateway.baseUrl().resolve("/incoming-call"), PUBLIC_WEBHOOK, authToken, from,
                "CA" + Long.toHexString(System.nanoTime()), publicUrl -> localStream, voice));
    }

    /** The upstream session of the call from this number (its instructions name the caller). */
    FakeRealtimeSession sessionOf(String from) {
        return await().until(() -> sessionsOf(from).stream().findFirst().orElse(null), s -> s != null);
    }

    List<FakeRealtimeSession> sessionsOf(String from) {
        return openAi.sessions().stream()
                .filter(s -> s.received("session.update").stream()
                        .anyMatch(u -> u.path("session").path("instructions").asText().contains(from)))
                .toList();
    }

    /** Sum of a Prometheus metric's samples whose labels contain {@code labelFilter}. */
    double metric(QuarkusServiceProcess service, String name, String labelFilter) {
        return Scrape.sum(service, name, labelFilter);
    }

    @Override
    public void close() {
        for (QuarkusServiceProcess service : new QuarkusServiceProcess[] {gateway1, gateway2, coreA, coreB, mcpTools}) {
            if (service != null) {
                service.close();
            }
        }
        openAi.close();
        vertx.close();
    }
}
