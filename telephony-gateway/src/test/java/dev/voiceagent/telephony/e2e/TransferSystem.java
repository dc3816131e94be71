package dev.voiceagent.telephony.e2e;

import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import dev.voiceagent.testsupport.twilio.AudioSource;
import dev.voiceagent.testsupport.twilio.FakeTwilioRest;
import dev.voiceagent.testsupport.twilio.TwilioCallSimulator;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The transfer path as it runs in production, on loopback: one realtime-core and two telephony gateways as separate
 * JVMs (cold transfers on one, warm on the other), each gateway's REST client pointed at its own fake of Twilio's
 * REST API, a strict fake of OpenAI, and simulated Twilio calls.
 */
final class TransferSystem implements AutoCloseable {

    static final String AUTH_TOKEN = "transfer-e2e-auth-token";
    static final String ACCOUNT_SID = "AC" + "7".repeat(32);
    static final String HOST = "voice.example.com";
    static final String PERSON = "+15005550006";
    private static final String SECRET = "transfer-e2e-session-secret";
    private static final String INTERNAL_SECRET = "transfer-e2e-internal-secret";

    final Vertx vertx = Vertx.vertx();
    final FakeRealtimeServer openAi = FakeRealtimeServer.start(vertx).expectApiKey("sk-transfer");
    final FakeTwilioRest coldTwilio = FakeTwilioRest.start(vertx, ACCOUNT_SID, AUTH_TOKEN);
    final FakeTwilioRest warmTwilio = FakeTwilioRest.start(vertx, ACCOUNT_SID, AUTH_TOKEN);
    final QuarkusServiceProcess core;
    final QuarkusServiceProcess cold;
    final QuarkusServiceProcess warm;

    TransferSystem() throws IOException {
        core = QuarkusServiceProcess.start("transfer-core", QuarkusServiceProcess.runJarOf("realtime-core"), Map.of(
                "openai.realtime-url", openAi.openAiUrl().toString(), "openai.api-key", "sk-transfer",
                "core.session-ref.secret", SECRET, "voice.mcp.booking.url", "http://127.0.0.1:9/mcp",
                "internal-auth.secret", INTERNAL_SECRET), Map.of());
        cold = gateway("transfer-gateway-cold", coldTwilio, false);
        warm = gateway("transfer-gateway-warm", warmTwilio, true);
    }

    private QuarkusServiceProcess gateway(String name, FakeTwilioRest twilio, boolean warmTransfers)
            throws IOException {
        Map<String, String> properties = new HashMap<>(Map.of("core.url", core.baseUrl().toString(),
                "core.session-ref.secret", SECRET, "internal-auth.secret", INTERNAL_SECRET,
                "twilio.auth-token", AUTH_TOKEN, "twilio.media-stream-url", "wss://" + HOST + "/media-stream",
                "twilio.rest.account-sid", ACCOUNT_SID, "twilio.rest.api-base-url", twilio.baseUrl().toString(),
                "voice.transfer.target", PERSON, "voice.transfer.warm", Boolean.toString(warmTransfers)));
        QuarkusServiceProcess gateway = QuarkusServiceProcess.start(name,
                QuarkusServiceProcess.runJarOf("telephony-gateway"), properties, Map.of());
        twilio.routeCallbacks(publicUrl -> URI.create("http://127.0.0.1:" + gateway.port() + publicUrl.getRawPath()
                + (publicUrl.getRawQuery() == null ? "" : "?" + publicUrl.getRawQuery())));
        return gateway;
    }

    /** One stream of the call {@code callSid} from {@code from}, on {@code gateway}. */
    TwilioCallSimulator stream(QuarkusServiceProcess gateway, String from, String callSid, int tag) {
        URI localStream = URI.create("ws://127.0.0.1:" + gateway.port() + "/media-stream");
        return new TwilioCallSimulator(vertx, new TwilioCallSimulator.Call(gateway.baseUrl().resolve("/incoming-call"),
                "https://" + HOST + "/incoming-call", AUTH_TOKEN, from, callSid, publicUrl -> localStream,
                AudioSource.tagged(tag)));
    }

    /** The upstream sessions of the caller, oldest first (their instructions name the caller). */
    List<FakeRealtimeSession> sessionsOf(String from) {
        return openAi.sessions().stream()
                .filter(s -> s.received("session.update").stream()
                        .anyMatch(u -> u.path("session").path("instructions").asText().contains(from)))
                .toList();
    }

    FakeRealtimeSession sessionOf(String from, int index) {
        return await().until(() -> sessionsOf(from).size() > index ? sessionsOf(from).get(index) : null,
                s -> s != null);
    }

    double metric(QuarkusServiceProcess service, String name, String labelFilter) {
        return Scrape.sum(service, name, labelFilter);
    }

    @Override
    public void close() {
        for (QuarkusServiceProcess service : new QuarkusServiceProcess[] {cold, warm, core}) {
            if (service != null) {
                service.close();
            }
        }
        coldTwilio.close();
        warmTwilio.close();
        openAi.close();
        vertx.close();
    }
}
