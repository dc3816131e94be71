package dev.voiceagent.telephony.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What rides in the callback URLs comes back whole, and the largest request still fits Twilio's URL limit. */
class OutboundCallbacksTest {

    private final OutboundCallbacks callbacks = new OutboundCallbacks(URI.create("https://voice.example.com/"));

    @Test
    void theAnswerUrlCarriesTheAgentAndTheContextUnescaped() {
        URI url = callbacks.answerUrl(new OutboundCall("+14155550100", "+18005550199", "front_desk_phone",
                "Jane & \"Friday\" — 7 pm?", Optional.empty()));
        assertThat(url.toString()).startsWith("https://voice.example.com/outbound-call/answer?agent=front_desk_phone"
                + "&context=").doesNotContain("%", "=&", "+", "/outbound-call/answer/");
        String context = url.getRawQuery().substring(url.getRawQuery().indexOf("context=") + "context=".length());
        assertThat(OutboundCallbacks.decode(context)).contains("Jane & \"Friday\" — 7 pm?");
    }

    @Test
    void theLargestContextFitsTwiliosUrlLimit() {
        // 2048 bytes of UTF-8 (the default outbound.max-context-bytes), all multi-byte.
        String context = "é".repeat(1024);
        URI url = callbacks.answerUrl(new OutboundCall("+14155550100", "+18005550199", "front_desk_phone", context,
                Optional.empty()));
        assertThat(url.toString().length()).isLessThan(OutboundCallbacks.MAX_URL_CHARS - 500);
    }

    @Test
    void theMachineUrlCarriesTheActionAndTheMessageOnlyWhenOneIsLeft() {
        assertThat(callbacks.machineUrl(new OutboundCall.OnMachine("hang_up", "unused")).toString())
                .isEqualTo("https://voice.example.com/outbound-call/machine?action=hang_up");
        URI url = callbacks.machineUrl(new OutboundCall.OnMachine("leave_message", "Call us back."));
        assertThat(OutboundCallbacks.decode(url.getRawQuery().substring(url.getRawQuery().indexOf("message=") + 8)))
                .contains("Call us back.");
        assertThat(callbacks.statusUrl().toString()).isEqualTo("https://voice.example.com/outbound-call/status");
    }

    @Test
    void whatIsNotOursDecodesToNothing() {
        assertThat(OutboundCallbacks.decode("not*base64")).isEmpty();
        assertThat(OutboundCallbacks.decode(null)).isEmpty();
    }
}
