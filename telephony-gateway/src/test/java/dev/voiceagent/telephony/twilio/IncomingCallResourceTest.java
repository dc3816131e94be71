package dev.voiceagent.telephony.twilio;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.not;

import dev.voiceagent.testsupport.twilio.TwilioSignature;
import dev.voiceagent.telephony.health.FakeCoreReadiness;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The voice webhook in-process, beside a core that is only ready: pre-warm off, so the TwiML carries no session. */
@QuarkusTest
@TestProfile(IncomingCallResourceTest.Profile.class)
@QuarkusTestResource(value = FakeCoreReadiness.class, restrictToAnnotatedClass = true)
class IncomingCallResourceTest {

    private static final String TOKEN = "resource-test-token";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("twilio.auth-token", TOKEN,
                    "twilio.media-stream-url", "wss://voice.example.com/media-stream",
                    "core.session-ref.secret", "");
        }
    }

    private static final Map<String, String> CALL = Map.of("CallSid", "CA42", "From", "+14155550100",
            "To", "+18005550199");

    @BeforeEach
    void coreIsReachable() {
        await().until(() -> given().when().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void postAnswersWithAStreamCarryingTheCallFacts() {
        given().formParams(CALL)
                .header("X-Twilio-Signature", TwilioSignature.sign(TOKEN, "https://voice.example.com/incoming-call", CALL))
                .when().post("/incoming-call")
                .then().statusCode(200)
                .contentType(containsString("xml"))
                .body(containsString("<Stream url=\"wss://voice.example.com/media-stream\">"))
                .body(containsString("<Parameter name=\"From\" value=\"+14155550100\"/>"))
                .body(containsString("<Parameter name=\"CallSid\" value=\"CA42\"/>"))
                .body(containsString("<Parameter name=\"ticket\" value=\""))
                .body(not(containsString("name=\"session\"")));
    }

    @Test
    void getIsSignedOverItsQueryString() {
        String url = "https://voice.example.com/incoming-call?CallSid=CA43&From=%2B14155550100";
        given().urlEncodingEnabled(false).header("X-Twilio-Signature", TwilioSignature.sign(TOKEN, url, Map.of()))
                .when().get("/incoming-call?CallSid=CA43&From=%2B14155550100")
                .then().statusCode(200)
                .body(containsString("<Parameter name=\"CallSid\" value=\"CA43\"/>"));
    }

    @Test
    void aSignatureForOtherParametersIsRefused() {
        given().formParams(CALL)
                .header("X-Twilio-Signature", TwilioSignature.sign(TOKEN, "https://voice.example.com/incoming-call",
                        Map.of("CallSid", "CA42")))
                .when().post("/incoming-call")
                .then().statusCode(403);
    }

    @Test
    void healthAndMetricsAreServed() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("voice_gateway_calls_active"));
    }
}
