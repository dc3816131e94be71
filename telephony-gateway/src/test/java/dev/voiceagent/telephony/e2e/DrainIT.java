package dev.voiceagent.telephony.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import dev.voiceagent.testsupport.twilio.AudioSource;
import dev.voiceagent.testsupport.twilio.TwilioCallSimulator;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rolling out without cutting a call: SIGTERM to a gateway or a core makes it not-ready and refuse new calls while
 * the active call goes on; a call still on when the grace period ends is told goodbye and ends cleanly.
 */
class DrainIT {

    private static final String TOKEN = "drain-test-auth-token";
    private static final String INTERNAL_SECRET = "drain-test-internal-secret";
    private static final String HOST = "voice.example.com";

    private final Vertx vertx = Vertx.vertx();
    private final FakeRealtimeServer openAi = FakeRealtimeServer.start(vertx).expectApiKey("sk-drain");
    private final HttpClient http = HttpClient.newHttpClient();
    private QuarkusServiceProcess core;
    private QuarkusServiceProcess gateway;

    @AfterEach
    void stop() {
        for (QuarkusServiceProcess service : new QuarkusServiceProcess[] {gateway, core}) {
            if (service != null) {
                service.close();
            }
        }
        openAi.close();
        vertx.close();
    }

    private void startSystem(String coreGrace, String gatewayGrace) throws IOException {
        core = QuarkusServiceProcess.start("drain-core", QuarkusServiceProcess.runJarOf("realtime-core"), Map.of(
                "openai.realtime-url", openAi.openAiUrl().toString(), "openai.api-key", "sk-drain",
                "voice.drain.grace-period", coreGrace, "voice.mcp.booking.url", "http://127.0.0.1:9/mcp",
                "internal-auth.secret", INTERNAL_SECRET), Map.of());
        gateway = QuarkusServiceProcess.start("drain-gateway", QuarkusServiceProcess.runJarOf("telephony-gateway"),
                Map.of("core.url", core.baseUrl().toString(), "twilio.auth-token", TOKEN,
                        "twilio.media-stream-url", "wss://" + HOST + "/media-stream",
                        "voice.drain.grace-period", gatewayGrace, "internal-auth.secret", INTERNAL_SECRET), Map.of());
    }

    private TwilioCallSimulator call(String from) {
        URI stream = URI.create("ws://127.0.0.1:" + gateway.port() + "/media-stream");
        return new TwilioCallSimulator(vertx, new TwilioCallSimulator.Call(gateway.baseUrl().resolve("/incoming-call"),
                "https://" + HOST + "/incoming-call", TOKEN, from, "CA" + Long.toHexString(System.nanoTime()),
                publicUrl -> stream, AudioSource.tagged(7)));
    }

    private int readiness(QuarkusServiceProcess service) throws Exception {
        return http.send(HttpRequest.newBuilder(service.baseUrl().resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aDrainingGatewayRefusesNewCallsAndLetsTheActiveOneFinish() throws Exception {
        startSystem("30s", "30s");
        TwilioCallSimulator active = call("+14155550701");
        active.placeCall().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        FakeRealtimeSession upstream = openAi.awaitSessions(1).get(0);
        await().until(() -> upstream.inputAudio().length > 0);

        gateway.terminate();

        await().until(() -> readiness(gateway) == 503);
        TwilioCallSimulator refused = call("+14155550702");
        refused.postWebhook();
        await().until(() -> refused.webhookStatus() == 503);
        int heardBefore = upstream.inputAudio().length;
        await().until(() -> upstream.inputAudio().length > heardBefore + 50 * AudioSource.FRAME_BYTES);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(gateway::isAlive);
        assertThat(active.isClosed()).as("the active call is not cut").isFalse();

        active.hangUp();

        await().atMost(Duration.ofSeconds(15)).until(() -> !gateway.isAlive());
        assertThat(Files.readString(gateway.log())).contains("drained: every one of the calls ended on its own");
        assertThat(openAi.sessions()).as("the refused call never reached the model").hasSize(1);
    }

    @Test
    void aCallStillOnAfterTheCoresGracePeriodHearsAGoodbyeAndEndsCleanly() throws Exception {
        startSystem("2s", "30s");
        TwilioCallSimulator active = call("+14155550703");
        active.placeCall().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        FakeRealtimeSession upstream = openAi.awaitSessions(1).get(0);
        await().until(() -> active.playedMs() >= 200); // the greeting

        core.terminate();

        await().until(() -> readiness(core) == 503);
        await().atMost(Duration.ofSeconds(10)).until(() -> upstream.received("response.create").stream()
                .anyMatch(create -> create.path("response").path("instructions").asText().contains("end the call now")));
        await().atMost(Duration.ofSeconds(15)).until(active::isClosed);
        assertThat(active.playedMs()).as("the goodbye was played before the stream closed").isGreaterThanOrEqualTo(400);
        assertThat(active.serverCloseCode()).isEqualTo((short) 1000);
        assertThat(active.violations()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> !core.isAlive());
        assertThat(Files.readString(core.log())).contains("grace period over: saying goodbye on 1 conversations");
    }
}
