package dev.voiceagent.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.telephony.twilio.TwilioInbound;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the core is asked for from Twilio's {@code start}: the parameters of our own TwiML. */
class StreamStartTest {

    @Test
    void anInboundCallAsksForTheEntryAgentWithoutContext() {
        SessionMessage.Start start = StreamStart.toCore(new TwilioInbound.Start("MZ1", "CA1",
                Map.of("From", "+14155550100", "session", "ref"), "audio/x-mulaw", 8000, 1));
        assertThat(start.caller()).isEqualTo("+14155550100");
        assertThat(start.sessionRef()).isEqualTo("ref");
        assertThat(start.agent()).isNull();
        assertThat(start.context()).isNull();
    }

    @Test
    void anOutboundCallBringsItsAgentAndContextBack() {
        SessionMessage.Start start = StreamStart.toCore(new TwilioInbound.Start("MZ2", "CA2",
                Map.of("From", "+14155550111", "agent", "front_desk_phone", "context", "Remind Jane of Friday."),
                "audio/x-mulaw", 8000, 1));
        assertThat(start.agent()).isEqualTo("front_desk_phone");
        assertThat(start.context()).isEqualTo("Remind Jane of Friday.");
        assertThat(start.callId()).isEqualTo("CA2");
    }
}
