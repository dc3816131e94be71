package dev.voiceagent.telephony.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import dev.voiceagent.testsupport.twilio.AudioSource;
import dev.voiceagent.testsupport.twilio.FakeTwilioRest;
import dev.voiceagent.testsupport.twilio.PlacedCall;
import dev.voiceagent.testsupport.twilio.TwilioCallSimulator;
import dev.voiceagent.testsupport.twilio.TwilioCallbacks;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outbound calls and the fallback end to end: a packaged realtime-core and telephony gateway, the strict fakes of
 * OpenAI and of Twilio's REST API, and the call simulator on the stream Twilio would open. The API places the call
 * with Twilio; Twilio's callbacks (signed) come back; the answered call streams into a pre-warmed session whose
 * instructions carry the request's context; a machine gets the message; a model that refuses sessions gets the
 * caller the fallback.
 */
class OutboundCallIT {

    private static final String AUTH_TOKEN = "outbound-it-twilio-token";
    private static final String ACCOUNT = "AC" + "4".repeat(32);
    private static final String API_TOKEN = "outbound-it-api-token";
    private static final String HOST = "voice.example.com";
    private static final String SECRET = "outbound-it-session-reference-secret";
    private static final String INTERNAL_SECRET = "outbound-it-internal-auth-secret";
    private static final String FROM = "+18005550199";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Vertx vertx;
    private static FakeRealtimeServer openAi;
    private static FakeTwilioRest twilio;
    private static QuarkusServiceProcess core;
    private static QuarkusServiceProcess gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        openAi = FakeRealtimeServer.start(vertx).expectApiKey("sk-outbound");
        twilio = FakeTwilioRest.start(vertx, ACCOUNT, AUTH_TOKEN);
        core = QuarkusServiceProcess.start("outbound-core", QuarkusServiceProcess.runJarOf("realtime-core"), Map.of(
                "openai.realtime-url", openAi.openAiUrl().toString(), "openai.api-key", "sk-outbound",
                "core.session-ref.secret", SECRET, "voice.mcp.booking.url", "http://127.0.0.1:9/mcp",
                "internal-auth.secret", INTERNAL_SECRET), Map.of());
        Map<String, String> properties = new HashMap<>(Map.of("core.url", core.baseUrl().toString(),
                "core.session-ref.secret", SECRET, "internal-auth.secret", INTERNAL_SECRET,
                "twilio.auth-token", AUTH_TOKEN, "twilio.media-stream-url", "wss://" + HOST + "/media-stream",
                "twilio.rest.account-sid", ACCOUNT, "twilio.rest.api-base-url", twilio.baseUrl().toString(),
                "outbound.tokens", API_TOKEN, "outbound.answering-machine.voice", "Polly.Joanna-Neural"));
        properties.put("core.unavailable.voice", "Polly.Matthew-Neural");
        gateway = QuarkusServiceProcess.start("outbound-gateway", QuarkusServiceProcess.runJarOf("telephony-gateway"),
                properties, Map.of());
        twilio.routeCallbacks(url -> URI.create("http://127.0.0.1:" + gateway.port() + url.getRawPath()
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        core.close();
        twilio.close();
        openAi.close();
        vertx.close();
    }

    @BeforeEach
    void modelAnswers() {
        openAi.refuseConnections(false);
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.baseUrl().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + API_TOKEN)
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Places a call through the API and lets it ring and be answered; the call's media stream is then opened. */
    private TwilioCallSimulator placeAndAnswer(String body, String to) throws Exception {
        HttpResponse<String> placed = api("POST", "/v1/calls", body);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String sid = JSON.readTree(placed.body()).path("sid").asText();
        assertThat(placed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(sid));
        TwilioCallbacks.Answer answer = twilio.placed(sid).rings().answer();
        assertThat(answer.status()).isEqualTo(200);
        URI stream = URI.create("ws://127.0.0.1:" + gateway.port() + "/media-stream");
        TwilioCallSimulator call = new TwilioCallSimulator(vertx, new TwilioCallSimulator.Call(null, null,
                AUTH_TOKEN, to, sid, url -> stream, AudioSource.silence()));
        call.follow(answer.body()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return call;
    }

    private static FakeRealtimeSession sessionWith(String text) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> openAi.sessions().stream()
                .filter(s -> instructions(s).contains(text)).findFirst().orElse(null), s -> s != null);
    }

    private static String instructions(FakeRealtimeSession session) {
        List<JsonNode> updates = session.received("session.update");
        return updates.isEmpty() ? "" : updates.getLast().path("session").path("instructions").asText();
    }

    @Test
    void aPersonWhoAnswersTalksToThePrewarmedAgentThatKnowsWhyItCalled() throws Exception {
        String to = "+14155550101";
        TwilioCallSimulator call = placeAndAnswer("""
                {"to":"%s","from":"%s","agent":"front_desk_phone",
                 "context":{"purpose":"remind Jane of her booking at the Harbour Hotel on Friday"},
                 "answeringMachine":{"action":"hang_up"}}""".formatted(to, FROM), to);
        String sid = call.streamParameters().get("CallSid");
        FakeRealtimeSession session = sessionWith("remind Jane of her booking at the Harbour Hotel on Friday");
        assertThat(instructions(session)).contains("# Context of this call").contains(to);
        await().until(() -> session.inputAudio().length >= 10 * AudioSource.FRAME_BYTES);
        assertThat(openAi.sessions().stream().filter(s -> instructions(s).contains("Harbour Hotel")))
                .as("the pre-warmed session is the one the stream uses").hasSize(1);

        twilio.placed(sid).answeredBy("human");
        assertThat(twilio.requestsFor(sid)).as("a person stays with the agent").isEmpty();
        call.hangUp();
        twilio.placed(sid).completes(31);
        JsonNode status = JSON.readTree(api("GET", "/v1/calls/" + sid, null).body());
        assertThat(status.path("status").asText()).isEqualTo("completed");
        assertThat(status.path("answeredBy").asText()).isEqualTo("human");
        assertThat(status.path("duration").asText()).isEqualTo("31");
        await().until(() -> !session.isOpen());
    }

    @Test
    void aMachineGetsTheMessageAfterItsGreetingAndTheAgentsSessionEnds() throws Exception {
        String to = "+14155550102";
        TwilioCallSimulator call = placeAndAnswer("""
                {"to":"%s","from":"%s","context":"Appointment reminder for Tom",
                 "answeringMachine":{"action":"leave_message","message":"Hello Tom, please call us back."}}"""
                .formatted(to, FROM), to);
        String sid = call.streamParameters().get("CallSid");
        FakeRealtimeSession session = sessionWith("Appointment reminder for Tom");
        twilio.onRedirected(sid, call::hangUp); // Twilio stops the stream when the call's TwiML is replaced

        assertThat(twilio.placed(sid).answeredBy("machine_end_beep").status()).isEqualTo(204);
        assertThat(twilio.call(sid).orElseThrow().twiml()).contains(
                "<Say voice=\"Polly.Joanna-Neural\">Hello Tom, please call us back.</Say><Hangup/>");
        await().until(() -> !session.isOpen());
        await().until(call::isClosed);
        assertThat(Scrape.sum(gateway, "voice_gateway_outbound_answered_by_total", "message_left")).isEqualTo(1);
    }

    @Test
    void whenTheModelRefusesSessionsTheCallerIsToldSoInTheConfiguredVoice() throws Exception {
        openAi.refuseConnections(true);
        String from = "+14155550103";
        String sid = "CA" + "5".repeat(32);
        twilio.callInProgress(sid, from, FROM);
        URI stream = URI.create("ws://127.0.0.1:" + gateway.port() + "/media-stream");
        TwilioCallSimulator call = new TwilioCallSimulator(vertx, new TwilioCallSimulator.Call(
                gateway.baseUrl().resolve("/incoming-call"), "https://" + HOST + "/incoming-call", AUTH_TOKEN, from,
                sid, url -> stream, AudioSource.silence()));
        twilio.onRedirected(sid, call::hangUp);
        call.placeCall().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(15)).until(() -> twilio.call(sid).orElseThrow().twiml() != null);
        assertThat(twilio.call(sid).orElseThrow().twiml()).contains("<Say voice=\"Polly.Matthew-Neural\">We are sorry,"
                + " our assistant cannot take your call right now.").contains("<Hangup/>");
        await().until(call::isClosed);
        assertThat(Scrape.sum(gateway, "voice_gateway_fallbacks_total", "model_refused")).isEqualTo(1);
    }

    @Test
    void aForgedStatusCallbackIsRefused() throws Exception {
        Map<String, String> forged = twilio.standardParams("CA" + "6".repeat(32), FROM, "+14155550104", "completed",
                "outbound-api");
        TwilioCallbacks.Answer answer = new TwilioCallbacks(vertx, "not-the-auth-token", url -> gateway.baseUrl()
                .resolve(url.getRawPath())).post("https://" + HOST + "/outbound-call/status", forged)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(Scrape.sum(gateway, "voice_gateway_signature_failures_total", "outbound-status")).isEqualTo(1);
    }
}
