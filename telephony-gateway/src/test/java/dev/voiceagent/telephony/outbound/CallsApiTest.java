package dev.voiceagent.telephony.outbound;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.voiceagent.telephony.health.FakeCoreReadiness;
import dev.voiceagent.testsupport.twilio.TwilioSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound API's closed door and its checks, and Twilio's callbacks about outbound calls, in process: no call is
 * placed here (see {@code OutboundCallIT}), so no Twilio REST API is needed.
 */
@QuarkusTest
@TestProfile(CallsApiTest.Profile.class)
@QuarkusTestResource(value = FakeCoreReadiness.class, restrictToAnnotatedClass = true)
class CallsApiTest {

    static final String TWILIO_TOKEN = "calls-api-test-twilio-token";
    static final String API_TOKEN = "calls-api-test-outbound-token";
    static final String SID = "CA0123456789abcdef0123456789abcdef";
    static final String BASE = "https://voice.example.com";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("twilio.auth-token", TWILIO_TOKEN,
                    "twilio.media-stream-url", "wss://voice.example.com/media-stream",
                    "core.session-ref.secret", "",
                    "outbound.tokens", "an-old-token-still-accepted," + API_TOKEN);
        }
    }

    @BeforeEach
    void coreIsReachable() {
        await().until(() -> given().when().get("/q/health/ready").statusCode() == 200);
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().extract().asString();
    }

    @Test
    void withoutATokenNothingIsPlacedOrShown() {
        given().contentType("application/json").body("{\"to\":\"+14155550100\",\"from\":\"+18005550199\"}")
                .when().post("/v1/calls")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer realm=\"outbound-calls\"")
                .body("error", equalTo("unauthorized"));
        given().when().get("/v1/calls/" + SID).then().statusCode(401);
        given().header("Authorization", "Bearer not-a-configured-token").contentType("application/json")
                .body("{}").when().post("/v1/calls")
                .then().statusCode(401).header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        await().until(() -> metrics().contains("voice_gateway_outbound_auth_refused_total{reason=\"missing\"} 2.0")
                && metrics().contains("voice_gateway_outbound_auth_refused_total{reason=\"unknown\"} 1.0"));
    }

    @Test
    void badInputIsRefusedWithWhatIsWrong() {
        given().header("Authorization", "Bearer " + API_TOKEN).contentType("application/json")
                .body("{\"to\":\"0800 CALL ME\",\"from\":\"+18005550199\"}")
                .when().post("/v1/calls")
                .then().statusCode(400).body("error", equalTo("bad_request"))
                .body("message", containsString("'to' must be a phone number in E.164 form"));
        given().header("Authorization", "Bearer " + API_TOKEN).when().get("/v1/calls/CA1")
                .then().statusCode(400);
        await().until(() -> metrics().contains("voice_gateway_outbound_bad_requests_total{field=\"to\"} 1.0"));
    }

    @Test
    void aForgedStatusCallbackIsRefusedAndAGenuineOneRecorded() {
        Map<String, String> completed = Map.of("CallSid", SID, "CallStatus", "completed", "CallDuration", "42",
                "To", "+14155550100", "From", "+18005550199", "Direction", "outbound-api");
        given().formParams(completed).header("X-Twilio-Signature",
                TwilioSignature.sign("a-token-that-is-not-the-accounts", BASE + "/outbound-call/status", completed))
                .when().post("/outbound-call/status").then().statusCode(403);
        given().formParams(completed).when().post("/outbound-call/machine?action=hang_up").then().statusCode(403);
        given().header("Authorization", "Bearer " + API_TOKEN).when().get("/v1/calls/" + SID)
                .then().statusCode(502); // not recorded here, and Twilio's REST API is not configured

        given().formParams(completed).header("X-Twilio-Signature",
                TwilioSignature.sign(TWILIO_TOKEN, BASE + "/outbound-call/status", completed))
                .when().post("/outbound-call/status").then().statusCode(204);
        given().header("Authorization", "Bearer " + API_TOKEN).when().get("/v1/calls/" + SID)
                .then().statusCode(200).body("sid", equalTo(SID)).body("status", equalTo("completed"))
                .body("duration", equalTo("42"));
        String metrics = metrics();
        org.assertj.core.api.Assertions.assertThat(metrics)
                .contains("voice_gateway_signature_failures_total{endpoint=\"outbound-status\"} 1.0")
                .contains("voice_gateway_signature_failures_total{endpoint=\"outbound-machine\"} 1.0")
                .contains("voice_gateway_outbound_call_status_total{status=\"completed\"} 1.0");
    }

    @Test
    void theAnsweredCallStreamsWithItsAgentAndContext() {
        String path = "/outbound-call/answer?agent=front_desk_phone&context="
                + OutboundCallbacks.encode("Remind Jane of Friday.");
        Map<String, String> answered = Map.of("CallSid", SID, "CallStatus", "in-progress", "To", "+14155550100",
                "From", "+18005550199", "Direction", "outbound-api");
        given().formParams(answered).header("X-Twilio-Signature", TwilioSignature.sign(TWILIO_TOKEN, BASE + path,
                answered))
                .when().post(path)
                .then().statusCode(200)
                .body(containsString("<Parameter name=\"From\" value=\"+14155550100\"/>"))
                .body(containsString("<Parameter name=\"agent\" value=\"front_desk_phone\"/>"))
                .body(containsString("<Parameter name=\"context\" value=\"Remind Jane of Friday.\"/>"));
    }

    @Test
    void theOpenApiDocumentDescribesTheCallsApiOnly() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(containsString("/v1/calls/{sid}"))
                .body(containsString("\"scheme\" : \"bearer\""))
                .body(not(containsString("/incoming-call")))
                .body(not(containsString("/outbound-call")));
    }
}
