package dev.voiceagent.testsupport.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A placed call's life as Twilio plays it: only the callbacks asked for, signed, in order. */
class PlacedCallTest {

    private static final String SID = "AC" + "0".repeat(31) + "2";
    private static final String TOKEN = "placed-call-test-token";
    private static final String APP = "https://app.example.com";

    /** What the application received: path with query, form, and whether the signature was right. */
    record Received(String uri, Map<String, String> form, boolean signed) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final FakeTwilioRest twilio = FakeTwilioRest.start(vertx, SID, TOKEN);
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        twilio.close();
        vertx.close();
    }

    private void application() throws Exception {
        HttpServer app = vertx.createHttpServer().requestHandler(request -> {
            request.setExpectMultipart(true);
            request.end().onSuccess(v -> {
                Map<String, String> form = request.formAttributes().entries().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                boolean signed = TwilioSignature.sign(TOKEN, APP + request.uri(), form)
                        .equals(request.getHeader("X-Twilio-Signature"));
                received.add(new Received(request.uri(), form, signed));
                request.response().putHeader("Content-Type", "text/xml").end("<Response><Hangup/></Response>");
            });
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        twilio.routeCallbacks(url -> URI.create("http://127.0.0.1:" + app.actualPort() + url.getRawPath()
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())));
    }

    private String place(Map<String, List<String>> params) throws Exception {
        String form = params.entrySet().stream().flatMap(p -> p.getValue().stream()
                .map(v -> p.getKey() + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                twilio.baseUrl().resolve("/2010-04-01/Accounts/" + SID + "/Calls.json"))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return new ObjectMapper().readTree(response.body()).path("sid").asText();
    }

    @Test
    void theCallbacksAskedForComeSignedAndInOrder() throws Exception {
        application();
        String sid = place(Map.of("To", List.of("+14155550100"), "From", List.of("+18005550199"),
                "Url", List.of(APP + "/answer?agent=a"), "StatusCallback", List.of(APP + "/status"),
                "StatusCallbackEvent", List.of("ringing", "answered", "completed"), "MachineDetection",
                List.of("DetectMessageEnd"), "AsyncAmd", List.of("true"), "AsyncAmdStatusCallback",
                List.of(APP + "/machine?action=hang_up")));
        PlacedCall call = twilio.placed(sid);
        call.rings();
        assertThat(call.answer().body()).isEqualTo("<Response><Hangup/></Response>");
        call.answeredBy("machine_end_beep");
        call.completes(12);

        assertThat(received).allMatch(Received::signed);
        assertThat(received).extracting(Received::uri).containsExactly("/status", "/answer?agent=a", "/status",
                "/machine?action=hang_up", "/status");
        assertThat(received.get(0).form()).containsEntry("CallStatus", "ringing").containsEntry("CallSid", sid);
        assertThat(received.get(1).form()).containsEntry("Direction", "outbound-api")
                .containsEntry("To", "+14155550100").containsEntry("CallStatus", "in-progress");
        assertThat(received.get(3).form()).containsEntry("AnsweredBy", "machine_end_beep");
        assertThat(received.get(4).form()).containsEntry("CallStatus", "completed").containsEntry("CallDuration", "12");
    }

    @Test
    void noVerdictWithoutDetection() throws Exception {
        application();
        String sid = place(Map.of("To", List.of("+14155550100"), "From", List.of("+18005550199"),
                "Url", List.of(APP + "/answer")));
        PlacedCall call = twilio.placed(sid);
        call.rings().answer();
        assertThat(received).extracting(Received::uri).containsExactly("/answer");
        assertThatThrownBy(() -> call.answeredBy("human")).hasMessageContaining("did not ask");
    }
}
