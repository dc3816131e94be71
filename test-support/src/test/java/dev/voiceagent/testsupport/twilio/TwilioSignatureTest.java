package dev.voiceagent.testsupport.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {

    @Test
    void matchesTheOfficialVector() {
        Map<String, String> params = Map.of("Digits", "1234", "CallSid", "CA1234567890ABCDE", "To", "+18005551212",
                "Caller", "+14158675309", "From", "+14158675309");
        assertThat(TwilioSignature.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params))
                .isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }
}
