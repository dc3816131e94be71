package dev.voiceagent.testsupport.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake refuses what Twilio refuses, in Twilio's words, and plays Twilio's next requests, signed. */
class FakeTwilioRestTest {

    private static final String SID = "AC" + "0".repeat(31) + "1";
    private static final String TOKEN = "fake-rest-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final FakeTwilioRest twilio = FakeTwilioRest.start(vertx, SID, TOKEN);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        twilio.close();
        vertx.close();
    }

    private HttpResponse<String> post(String path, String form, String user, String password, String type)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(twilio.baseUrl().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(form)).header("Content-Type", type)
                .timeout(java.time.Duration.ofSeconds(10));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> update(String callSid, String form) throws Exception {
        return post("/2010-04-01/Accounts/" + SID + "/Calls/" + callSid + ".json", form, SID, TOKEN,
                "application/x-www-form-urlencoded");
    }

    private HttpResponse<String> create(String form) throws Exception {
        return post("/2010-04-01/Accounts/" + SID + "/Calls.json", form, SID, TOKEN,
                "application/x-www-form-urlencoded");
    }

    private static void assertError(HttpResponse<String> response, int status, int code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("code").asInt()).isEqualTo(code);
        assertThat(error.path("status").asInt()).isEqualTo(status);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/" + code);
    }

    @Test
    void withoutTheAccountCredentialsEveryRequestIsUnauthorised() throws Exception {
        twilio.callInProgress("CA1", "+14155550100", "+18005550199");
        String path = "/2010-04-01/Accounts/" + SID + "/Calls/CA1.json";
        String form = "Twiml=%3CResponse%2F%3E";
        HttpResponse<String> none = post(path, form, null, null, "application/x-www-form-urlencoded");
        assertError(none, 401, 20003);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Twilio API\"");
        assertError(post(path, form, SID, "wrong-token", "application/x-www-form-urlencoded"), 401, 20003);
        assertError(post(path.replace(SID, "AC" + "9".repeat(32)), form, SID, TOKEN,
                "application/x-www-form-urlencoded"), 404, 20404);
        assertThat(twilio.call("CA1").orElseThrow().twiml()).isNull();
    }

    @Test
    void anUpdateReplacesTheRunningTwimlAndStopsTheStream() throws Exception {
        twilio.callInProgress("CA2", "+14155550100", "+18005550199");
        AtomicBoolean streamStopped = new AtomicBoolean();
        twilio.onRedirected("CA2", () -> streamStopped.set(true));

        HttpResponse<String> response = update("CA2", "Twiml=" + java.net.URLEncoder.encode(
                "<Response><Dial>+15005550006</Dial></Response>", StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode call = JSON.readTree(response.body());
        assertThat(call.path("sid").asText()).isEqualTo("CA2");
        assertThat(call.path("account_sid").asText()).isEqualTo(SID);
        assertThat(call.path("status").asText()).isEqualTo("in-progress");
        assertThat(call.path("uri").asText()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Calls/CA2.json");
        assertThat(twilio.call("CA2").orElseThrow().twiml()).contains("<Dial>+15005550006</Dial>");
        org.awaitility.Awaitility.await().untilTrue(streamStopped);
        assertThat(twilio.requestsFor("CA2")).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.param("Twiml")).startsWith("<Response>");
        });
    }

    @Test
    void updatesTwilioWouldRefuseAreRefusedWithItsCodes() throws Exception {
        twilio.callInProgress("CA3", "+14155550100", "+18005550199");
        assertError(update("CA3", "Twiml=%3CResponse%2F%3E&Colour=blue"), 400, 20001);
        assertError(update("CA3", "twiml=%3CResponse%2F%3E"), 400, 20001);
        assertError(update("CA3", "Url=%2Frelative"), 400, 21205);
        assertError(update("CA3", "Url=https%3A%2F%2Fexample.com%2Fx&Method=PUT"), 400, 21209);
        assertError(update("CA3", "Twiml=%3CResponse%3E"), 400, 12100);
        assertError(update("CA3", "Twiml=%3CDial%2F%3E"), 400, 12100);
        assertError(update("CA3", "Twiml=" + "%3CResponse%3E" + "x".repeat(4000) + "%3C%2FResponse%3E"), 400, 32018);
        assertError(update("CA3", "Status=finished"), 400, 21200);
        assertError(update("CA404", "Twiml=%3CResponse%2F%3E"), 404, 20404);
        assertError(post("/2010-04-01/Accounts/" + SID + "/Calls/CA3.json", "{\"Twiml\":\"<Response/>\"}", SID,
                TOKEN, "application/json"), 400, 21200);
        assertThat(twilio.call("CA3").orElseThrow().twiml()).isNull();

        assertThat(update("CA3", "Status=completed").statusCode()).isEqualTo(200);
        assertError(update("CA3", "Twiml=%3CResponse%2F%3E"), 400, 21220);
    }

    @Test
    void anOutboundCallIsCreatedQueuedAndItsParametersAreChecked() throws Exception {
        String valid = "To=%2B14155550100&From=%2B18005550199&Url=https%3A%2F%2Fvoice.example.com%2Fincoming-call"
                + "&StatusCallback=https%3A%2F%2Fvoice.example.com%2Fstatus&StatusCallbackEvent=initiated"
                + "&StatusCallbackEvent=answered&MachineDetection=DetectMessageEnd&AsyncAmd=true"
                + "&AsyncAmdStatusCallback=https%3A%2F%2Fvoice.example.com%2Famd";
        HttpResponse<String> created = create(valid);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode call = JSON.readTree(created.body());
        assertThat(call.path("sid").asText()).matches("CA[0-9a-f]{32}");
        assertThat(call.path("status").asText()).isEqualTo("queued");
        assertThat(call.path("direction").asText()).isEqualTo("outbound-api");
        assertThat(twilio.call(call.path("sid").asText()).orElseThrow().url())
                .isEqualTo("https://voice.example.com/incoming-call");

        assertError(create(valid.replace("To=%2B14155550100&", "")), 400, 21201);
        assertError(create(valid.replace("To=%2B14155550100", "To=12")), 400, 21211);
        assertError(create(valid.replace("&From=%2B18005550199", "")), 400, 21213);
        assertError(create(valid.replace("StatusCallbackEvent=answered", "StatusCallbackEvent=picked-up")), 400, 21626);
        assertError(create(valid.replace("DetectMessageEnd", "Detect")), 400, 21200);
        assertError(create(valid.replace("AsyncAmd=true", "AsyncAMD=true")), 400, 20001);
        assertError(create(valid.replace("Url=https%3A%2F%2Fvoice.example.com%2Fincoming-call", "Url=voice")), 400,
                21205);
    }

    @Test
    void theDialsNextRequestsAreSignedLikeTwilios() throws Exception {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        HttpServer app = vertx.createHttpServer().requestHandler(request -> {
            request.setExpectMultipart(true);
            request.end().onComplete(done -> {
                Map<String, String> form = new java.util.HashMap<>();
                request.formAttributes().forEach(e -> form.put(e.getKey(), e.getValue()));
                received.add(form);
                signatures.add(TwilioSignature.sign(TOKEN, "https://voice.example.com" + request.uri(), form)
                        .equals(request.getHeader("X-Twilio-Signature")) ? "valid" : "invalid");
                request.response().putHeader("Content-Type", "text/xml")
                        .end(request.path().equals("/whisper") ? "<Response><Say>hi</Say></Response>"
                                : "<Response><Hangup/></Response>");
            });
        });
        app.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        twilio.routeCallbacks(uri -> URI.create("http://127.0.0.1:" + app.actualPort() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
        twilio.callInProgress("CA4", "+14155550100", "+18005550199");
        update("CA4", "Twiml=" + java.net.URLEncoder.encode("<Response><Dial action=\"https://voice.example.com/"
                + "dial?t=1\" timeout=\"20\"><Number url=\"https://voice.example.com/whisper\">+15005550006</Number>"
                + "</Dial></Response>", StandardCharsets.UTF_8));

        TwilioCallbacks.Answer whisper = twilio.whisper("CA4").toCompletionStage().toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        TwilioCallbacks.Answer action = twilio.dialEnded("CA4", "no-answer").toCompletionStage().toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertThat(whisper.body()).contains("<Say>hi</Say>");
        assertThat(action.status()).isEqualTo(200);
        assertThat(signatures).containsExactly("valid", "valid");
        assertThat(received.get(0)).containsEntry("ParentCallSid", "CA4").containsEntry("To", "+15005550006")
                .containsEntry("Direction", "outbound-dial").containsEntry("AccountSid", SID);
        assertThat(received.get(1)).containsEntry("CallSid", "CA4").containsEntry("DialCallStatus", "no-answer")
                .containsEntry("DialBridged", "false").containsKey("DialCallSid");
        assertThat(action.body()).isEqualTo("<Response><Hangup/></Response>");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(twilio.call("CA4").orElseThrow().twiml())
                .as("the call runs what the action answered").isEqualTo("<Response><Hangup/></Response>"));
        app.close();
    }
}
