package dev.voiceagent.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.telephony.core.UnavailableSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnavailableTwimlTest {

    /** The configuration as its mapping would give it. */
    @Test
    void anApologyIsSaidAndTheCallHungUp() {
        UnavailableSettings config = new UnavailableSettings("Sorry & goodbye.", "unused", Optional.empty(), Optional.empty());
        assertThat(UnavailableTwiml.answer(config)).isEqualTo("apology");
        assertThat(UnavailableTwiml.render(config))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Sorry &amp; goodbye.</Say>"
                        + "<Hangup/></Response>");
    }

    @Test
    void withAFallbackNumberTheCallerIsToldThenDialledOnInTheConfiguredVoice() {
        UnavailableSettings config = new UnavailableSettings("unused", "Connecting you.", Optional.of("Polly.Joanna-Neural"),
                Optional.of("+18005550123"));
        assertThat(UnavailableTwiml.answer(config)).isEqualTo("dial");
        assertThat(UnavailableTwiml.render(config))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                        + "<Say voice=\"Polly.Joanna-Neural\">Connecting you.</Say><Dial>+18005550123</Dial></Response>");
    }
}
