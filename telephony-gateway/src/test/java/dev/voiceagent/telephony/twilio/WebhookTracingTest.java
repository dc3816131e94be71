package dev.voiceagent.telephony.twilio;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voiceagent.testsupport.twilio.TwilioSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * One trace per call starts at the voice webhook: its span's context travels in the pre-warm {@code start}
 * (internal session protocol), so the core's conversation joins the same trace.
 */
@QuarkusTest
@TestProfile(WebhookTracingTest.Profile.class)
@QuarkusTestResource(value = WebhookTracingTest.PrewarmRecorder.class, restrictToAnnotatedClass = true)
class WebhookTracingTest {

    private static final String TOKEN = "tracing-test-token";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("twilio.auth-token", TOKEN, "twilio.media-stream-url", "wss://voice.example.com/media-stream",
                    "core.session-ref.secret", "tracing-test-session-secret", "quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.traces.exporter", "none");
        }
    }

    /** Stands in for realtime-core's {@code POST /v1/prewarm} and keeps the bodies it was sent. */
    public static class PrewarmRecorder implements QuarkusTestResourceLifecycleManager {
        static final List<String> BODIES = new CopyOnWriteArrayList<>();
        private final Vertx vertx = Vertx.vertx();

        @Override
        public Map<String, String> start() {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                if (!"/v1/prewarm".equals(request.path())) {
                    request.response().setStatusCode(200).end(); // the core's readiness, probed by the gateway
                    return;
                }
                BODIES.add(body.toString());
                request.response().setStatusCode(201).putHeader("content-type", "application/json")
                        .end("{\"sessionRef\":\"ref\",\"expiresInMs\":15000}");
            }));
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
            return Map.of("core.url", "http://127.0.0.1:" + server.actualPort());
        }

        @Override
        public void stop() {
            vertx.close();
        }
    }

    @Test
    void thePrewarmCarriesTheWebhooksTraceContext() throws Exception {
        await().until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        Map<String, String> call = Map.of("CallSid", "CA77", "From", "+14155550100", "To", "+18005550199");
        given().formParams(call)
                .header("X-Twilio-Signature", TwilioSignature.sign(TOKEN, "https://voice.example.com/incoming-call", call))
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .when().post("/incoming-call")
                .then().statusCode(200);

        assertThat(PrewarmRecorder.BODIES).hasSize(1);
        String traceparent = new ObjectMapper().readTree(PrewarmRecorder.BODIES.get(0)).path("traceparent").asText();
        assertThat(traceparent).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                .as("a span of the gateway's own, not the caller's").doesNotContain("00f067aa0ba902b7");
    }
}
