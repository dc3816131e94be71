package dev.voiceagent.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnavailableTwimlTest {

    @Test
    void anApologyIsSaidAndTheCallHungUp() {
        assertThat(UnavailableTwiml.apologise("Sorry & goodbye."))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Sorry &amp; goodbye.</Say>"
                        + "<Hangup/></Response>");
    }

    @Test
    void aFallbackNumberIsDialled() {
        assertThat(UnavailableTwiml.dial("+18005550123"))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial>+18005550123</Dial></Response>");
    }
}
