package dev.voiceagent.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The official test vector of Twilio's RequestValidator. */
class TwilioSignaturesTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMS = Map.of("Digits", "1234", "CallSid", "CA1234567890ABCDE",
            "To", "+18005551212", "Caller", "+14158675309", "From", "+14158675309");

    private static TwilioConfig config(String mediaStreamUrl, String token) {
        return new TwilioConfig() {
            @Override
            public URI mediaStreamUrl() {
                return URI.create(mediaStreamUrl);
            }

            @Override
            public Optional<URI> publicUrl() {
                return Optional.empty();
            }

            @Override
            public Optional<String> authToken() {
                return Optional.ofNullable(token);
            }

            @Override
            public java.time.Duration streamTicketTtl() {
                return java.time.Duration.ofSeconds(30);
            }
        };
    }

    private static TwilioSignatures withToken(String token) {
        return new TwilioSignatures(config("wss://mycompany.com/media-stream", token));
    }

    @Test
    void acceptsTheOfficialVector() {
        assertThat(withToken("12345").accepts(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
    }

    @Test
    void refusesAForgedOrMissingSignature() {
        TwilioSignatures signatures = withToken("12345");
        assertThat(signatures.accepts(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B9=")).isFalse();
        assertThat(signatures.accepts(URL, PARAMS, null)).isFalse();
        assertThat(signatures.accepts("https://mycompany.com/other.php?foo=1&bar=2", PARAMS,
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
    }

    @Test
    void checksNothingWithoutAToken() {
        TwilioSignatures signatures = withToken(null);
        assertThat(signatures.enabled()).isFalse();
        assertThat(signatures.accepts(URL, PARAMS, null)).isTrue();
    }

    @Test
    void derivesThePublicUrlFromTheStreamUrl() {
        assertThat(config("wss://voice.example.com/media-stream", null).publicBaseUrl()).isEqualTo(URI.create("https://voice.example.com"));
    }
}
