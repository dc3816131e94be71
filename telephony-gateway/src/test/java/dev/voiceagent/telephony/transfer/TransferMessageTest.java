package dev.voiceagent.telephony.transfer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.voiceagent.telephony.health.FakeCoreReadiness;
import dev.voiceagent.testsupport.twilio.TwilioSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With {@code voice.transfer.on-no-answer=message}, a caller the person did not take hears it and the call ends. */
@QuarkusTest
@TestProfile(TransferMessageTest.Profile.class)
@QuarkusTestResource(value = FakeCoreReadiness.class, restrictToAnnotatedClass = true)
class TransferMessageTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("twilio.auth-token", TransferCallbacksTest.TOKEN,
                    "twilio.media-stream-url", "wss://voice.example.com/media-stream",
                    "voice.transfer.on-no-answer", "message",
                    "voice.transfer.no-answer-message", "Nobody is free. Please call again tomorrow.");
        }
    }

    @Test
    void theCallerHearsTheConfiguredMessageThenTheCallEnds() {
        String path = "/transfer/dial-result?t=" + new TransferTokens(Optional.of(TransferCallbacksTest.TOKEN))
                .dial("CA310", "resume-token-310");
        Map<String, String> params = TransferCallbacksTest.dialEnded("CA310", "no-answer");
        given().formParams(params)
                .header("X-Twilio-Signature", TwilioSignature.sign(TransferCallbacksTest.TOKEN,
                        "https://voice.example.com" + path, params))
                .when().post(path).then().statusCode(200)
                .body(containsString("<Say>Nobody is free. Please call again tomorrow.</Say><Hangup/>"))
                .body(not(containsString("<Stream")));
    }
}
