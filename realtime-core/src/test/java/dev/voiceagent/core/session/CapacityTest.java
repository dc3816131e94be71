package dev.voiceagent.core.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.session.SessionMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Beyond its session limit an instance refuses clearly and reports itself not ready. */
@QuarkusTest
@TestProfile(CapacityTest.Profile.class)
@QuarkusTestResource(FakeOpenAiResource.class)
class CapacityTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("core.max-sessions", "1");
        }
    }

    @TestHTTPResource("/")
    URI core;

    @Inject
    Vertx vertx;

    @Test
    void refusesTheConversationBeyondTheLimitAndRecoversWhenOneEnds() throws Exception {
        try (TestGateway first = TestGateway.phoneCall(vertx, core, "CA-first", null).awaitReady()) {
            given().when().get("/q/health/ready").then().statusCode(503);
            try (TestGateway second = TestGateway.phoneCall(vertx, core, "CA-second", null)) {
                SessionMessage.Error refusal = second.awaitMessage(SessionMessage.Error.class);
                assertThat(refusal.code()).isEqualTo("capacity");
                assertThat(refusal.fatal()).isTrue();
                assertThat(second.awaitMessage(SessionMessage.End.class).reason()).isEqualTo("capacity");
                await().until(second::isClosed);
            }
            given().contentType("application/json")
                    .body("{\"type\":\"start\",\"version\":2,\"channel\":\"phone\",\"codec\":\"pcmu\"}")
                    .when().post("/v1/prewarm").then().statusCode(503);
            assertThat(first.isClosed()).isFalse();
            first.send(new SessionMessage.End("stop"));
            await().until(first::isClosed);
        }
        await().untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        try (TestGateway third = TestGateway.phoneCall(vertx, core, "CA-third", null)) {
            third.awaitReady();
        }
    }
}
