package dev.voiceagent.telephony.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.voiceagent.testsupport.twilio.TwilioSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without a reachable core the gateway is not ready, and a call is apologised to and hung up on rather than given a
 * stream that would die at once; when a core is back, both come back.
 */
@QuarkusTest
@TestProfile(CoreUnavailableTest.Profile.class)
@QuarkusTestResource(value = FakeCoreReadiness.class, restrictToAnnotatedClass = true)
class CoreUnavailableTest {

    static final String TOKEN = "unavailable-test-token";
    static final Map<String, String> CALL = Map.of("CallSid", "CA9", "From", "+14155550100", "To", "+18005550199");

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("twilio.auth-token", TOKEN, "twilio.media-stream-url", "wss://voice.example.com/media-stream",
                    "core.session-ref.secret", "");
        }
    }

    static io.restassured.response.ValidatableResponse webhook() {
        return given().formParams(CALL)
                .header("X-Twilio-Signature", TwilioSignature.sign(TOKEN, "https://voice.example.com/incoming-call",
                        CALL))
                .when().post("/incoming-call").then().statusCode(200);
    }

    static int readiness() {
        return given().when().get("/q/health/ready").statusCode();
    }

    @Test
    void readinessAndTheWebhookFollowTheCore() {
        await().until(() -> readiness() == 200);
        webhook().body(containsString("<Stream url="));

        FakeCoreReadiness.down();
        try {
            await().until(() -> readiness() == 503);
            given().when().get("/q/health/ready").then().body(containsString("realtime-core"));
            webhook().body(containsString("<Say>We are sorry, our assistant cannot take your call right now."))
                    .body(containsString("<Hangup/>")).body(not(containsString("<Stream")));
            given().when().get("/q/metrics").then()
                    .body(containsString("voice_gateway_calls_without_core_total{answer=\"apology\"} 1.0"));
        } finally {
            FakeCoreReadiness.up();
        }
        await().until(() -> readiness() == 200);
        webhook().body(containsString("<Stream url="));
    }
}
