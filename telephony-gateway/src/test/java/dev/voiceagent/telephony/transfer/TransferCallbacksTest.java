package dev.voiceagent.telephony.transfer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.voiceagent.telephony.health.FakeCoreReadiness;
import dev.voiceagent.testsupport.twilio.TwilioSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Twilio asks during a transfer, in process: signed like the voice webhook and bound to its call by its token,
 * or refused with 403; a caller the person did not take goes back to the agent, resuming the conversation.
 */
@QuarkusTest
@TestProfile(TransferCallbacksTest.Profile.class)
@QuarkusTestResource(value = FakeCoreReadiness.class, restrictToAnnotatedClass = true)
class TransferCallbacksTest {

    static final String TOKEN = "transfer-callbacks-test-token";
    private static final String BASE = "https://voice.example.com";
    private final TransferTokens tokens = new TransferTokens(Optional.of(TOKEN));

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("twilio.auth-token", TOKEN, "twilio.media-stream-url", "wss://voice.example.com/media-stream",
                    "voice.transfer.target", "+15005550006");
        }
    }

    @BeforeEach
    void coreIsReachable() {
        await().until(() -> given().when().get("/q/health/ready").statusCode() == 200);
    }

    static Map<String, String> dialEnded(String callSid, String status) {
        Map<String, String> params = new HashMap<>(Map.of("AccountSid", "AC" + "0".repeat(32), "CallSid", callSid,
                "From", "+14155550100", "To", "+18005550199", "CallStatus", "in-progress", "Direction", "inbound",
                "ApiVersion", "2010-04-01", "DialCallSid", "CA" + "9".repeat(32), "DialCallDuration", "0"));
        params.put("DialCallStatus", status);
        return params;
    }

    private static ValidatableResponse post(String pathAndQuery, Map<String, String> params, String signature) {
        return given().formParams(params).header("X-Twilio-Signature", signature)
                .when().post(pathAndQuery).then();
    }

    private static ValidatableResponse signed(String pathAndQuery, Map<String, String> params) {
        return post(pathAndQuery, params, TwilioSignature.sign(TOKEN, BASE + pathAndQuery, params));
    }

    @Test
    void anUnansweredDialSendsTheCallerBackToTheAgentResumingTheConversation() {
        String path = "/transfer/dial-result?t=" + tokens.dial("CA300", "resume-token-300");
        signed(path, dialEnded("CA300", "no-answer")).statusCode(200)
                .body(containsString("<Connect><Stream url=\"wss://voice.example.com/media-stream\">"))
                .body(containsString("<Parameter name=\"resume\" value=\"resume-token-300\"/>"))
                .body(containsString("<Parameter name=\"handoff\" value=\"no-answer\"/>"))
                .body(containsString("<Parameter name=\"CallSid\" value=\"CA300\"/>"))
                .body(containsString("<Parameter name=\"From\" value=\"+14155550100\"/>"))
                .body(containsString("<Parameter name=\"ticket\" value=\""));
        signed("/transfer/dial-result?t=" + tokens.dial("CA301", null), dialEnded("CA301", "busy")).statusCode(200)
                .body(allOf(containsString("<Parameter name=\"handoff\" value=\"busy\"/>"),
                        not(containsString("name=\"resume\""))));
    }

    @Test
    void aDialThatReachedThePersonOrThatTheCallerLeftEndsTheCall() {
        for (String status : new String[] {"completed", "canceled"}) {
            signed("/transfer/dial-result?t=" + tokens.dial("CA302", "r"), dialEnded("CA302", status)).statusCode(200)
                    .body(containsString("<Hangup/>")).body(not(containsString("<Stream")));
        }
    }

    @Test
    void aForgedActionCallbackIsRefused() {
        String path = "/transfer/dial-result?t=" + tokens.dial("CA303", "resume-token-303");
        Map<String, String> params = dialEnded("CA303", "no-answer");
        post(path, params, TwilioSignature.sign("not-the-token", BASE + path, params)).statusCode(403);
        post(path, params, TwilioSignature.sign(TOKEN, BASE + path, Map.of())).statusCode(403);
        given().formParams(params).when().post(path).then().statusCode(403);
        String otherCall = "/transfer/dial-result?t=" + tokens.dial("CA999", "resume-token-999");
        signed(otherCall, params).statusCode(403);
        String forgedToken = "/transfer/dial-result?t=" + new TransferTokens(Optional.of("other")).dial("CA303", "x");
        signed(forgedToken, params).statusCode(403);
        given().when().get("/q/metrics").then()
                .body(containsString("voice_gateway_signature_failures_total{endpoint=\"dial-result\"}"))
                .body(containsString("voice_gateway_bad_input_total{kind=\"transfer_token\"}"));
    }

    @Test
    void thePersonWhoAnswersHearsTheSummaryFirst() {
        String path = "/transfer/whisper?w=" + tokens.whisper("CA304", "A call from the voice assistant. Alex wants "
                + "to cancel HTL-4821. Reason: wants a person.");
        Map<String, String> params = new HashMap<>(dialEnded("CA" + "8".repeat(32), "in-progress"));
        params.remove("DialCallStatus");
        params.put("ParentCallSid", "CA304");
        signed(path, params).statusCode(200)
                .body(containsString("<Say>A call from the voice assistant. Alex wants to cancel HTL-4821. Reason: "
                        + "wants a person.</Say>"));
        params.put("ParentCallSid", "CA305");
        signed(path, params).statusCode(403);
    }
}
