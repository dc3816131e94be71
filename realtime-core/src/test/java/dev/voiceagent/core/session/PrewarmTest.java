package dev.voiceagent.core.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Pre-warm: the upstream session is ready before the media stream arrives, and released if it never does. */
@QuarkusTest
@QuarkusTestResource(FakeOpenAiResource.class)
class PrewarmTest extends AgainstFakes {

    private static final String START = """
            {"type":"start","version":2,"channel":"phone","codec":"pcmu","caller":"+14155550100","callId":"CA-prewarm"}""";

    private String prewarm() {
        return given().contentType("application/json").body(START)
                .when().post("/v1/prewarm")
                .then().statusCode(201)
                .extract().path("sessionRef");
    }

    @Test
    void theStreamFindsItsSessionAlreadyConfigured() throws Exception {
        String sessionRef = prewarm();
        FakeRealtimeSession upstream = fake.session(0);
        await().until(upstream::isConfigured);
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-prewarm", sessionRef)) {
            SessionMessage.Ready ready = gateway.awaitMessage(SessionMessage.Ready.class);
            assertThat(ready.prewarmed()).isTrue();
            gateway.sendAudio(Base64.getEncoder().encodeToString(new byte[160]));
            await().until(() -> upstream.inputAudio().length == 160);
            assertThat(fake.sessions()).as("no second upstream session").hasSize(1);
        }
    }

    @Test
    void aReferenceCanBeClaimedOnlyOnce() throws Exception {
        String sessionRef = prewarm();
        try (TestGateway first = TestGateway.phoneCall(vertx, core, "CA-1", sessionRef)) {
            assertThat(first.awaitMessage(SessionMessage.Ready.class).prewarmed()).isTrue();
            try (TestGateway second = TestGateway.phoneCall(vertx, core, "CA-2", sessionRef)) {
                assertThat(second.awaitMessage(SessionMessage.Ready.class).prewarmed()).isFalse();
            }
        }
    }

    @Test
    void aForgedReferenceOpensAFreshSessionInstead() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-forged", "eyJmb3JnZWQ.c2lnbmF0dXJl")) {
            assertThat(gateway.awaitMessage(SessionMessage.Ready.class).prewarmed()).isFalse();
        }
    }

    @Test
    void anUnclaimedSessionIsReleasedAfterTheTimeout() {
        prewarm();
        FakeRealtimeSession upstream = fake.session(0);
        await().until(upstream::isConfigured);
        await().atMost(Duration.ofSeconds(10)).until(() -> !upstream.isOpen());
    }

    @Test
    void aCallContextOverTheLimitIsRefusedBeforeAnySessionOpens() {
        String start = START.replace("}", ",\"context\":\"" + "x".repeat(SessionMessage.Start.MAX_CONTEXT_CHARS + 1)
                + "\"}");
        given().contentType("application/json").body(start)
                .when().post("/v1/prewarm")
                .then().statusCode(503).body("error", org.hamcrest.Matchers.equalTo("context_too_large"));
        assertThat(fake.sessions()).isEmpty();
    }

    @Test
    void aMalformedPrewarmRequestIsRefused() {
        given().contentType("application/json").body("{\"type\":\"start\",\"version\":7}")
                .when().post("/v1/prewarm")
                .then().statusCode(400);
    }
}
