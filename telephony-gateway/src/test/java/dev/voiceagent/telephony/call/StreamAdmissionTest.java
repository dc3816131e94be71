package dev.voiceagent.telephony.call;

import static dev.voiceagent.telephony.call.CallHarness.CALL_SID;
import static dev.voiceagent.telephony.call.CallHarness.connected;
import static dev.voiceagent.telephony.call.CallHarness.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.telephony.call.FakeTwilioSocket.Closed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A stream becomes a call only with Twilio's start in time, carrying its call's ticket, once. */
class StreamAdmissionTest {

    private final CallHarness h = new CallHarness();

    private String ticket() {
        return h.tickets.issue(CALL_SID).orElseThrow();
    }

    @Test
    void aStreamThatSendsNoStartIsClosedWithPolicyViolationAfterTheStartTimeout() {
        h.call.onTwilioText(connected());
        h.clock.advance(h.limits.startTimeout().minusMillis(1));
        assertThat(h.twilio.events()).isEmpty();

        h.clock.advanceMillis(1);

        assertThat(h.twilio.take()).containsExactly(new Closed(1008));
        assertThat(h.counter("voice.gateway.streams.refused", "reason", "idle")).isEqualTo(1);
        assertThat(h.core.start()).isNull();
    }

    @Test
    void theStartTimeoutDoesNotTouchACallThatStarted() {
        h.answered();
        h.clock.advance(Duration.ofMinutes(1));
        assertThat(h.twilio.events()).isEmpty();
        assertThat(h.clock.pendingTimers()).isZero();
    }

    @Test
    void aReplayedStartIsRefusedAndTheFirstCallGoesOn() {
        String ticket = ticket();
        h.call.onTwilioText(start(ticket));
        FakeTwilioSocket replaySocket = new FakeTwilioSocket();
        TwilioCall replay = h.another(replaySocket);

        replay.onTwilioText(start(ticket));

        assertThat(replaySocket.take()).containsExactly(new Closed(1008));
        assertThat(h.counter("voice.gateway.streams.refused", "reason", "ticket_used")).isEqualTo(1);
        assertThat(h.twilio.events()).isEmpty();
        assertThat(h.core.start()).as("only the first stream reached the core").isNotNull();
    }

    @Test
    void aStartWithoutATicketIsRefused() {
        h.call.onTwilioText(start(null));
        assertThat(h.twilio.take()).containsExactly(new Closed(1008));
        assertThat(h.counter("voice.gateway.streams.refused", "reason", "ticket_missing")).isEqualTo(1);
        assertThat(h.core.start()).isNull();
    }

    @Test
    void aForgedTicketIsRefused() {
        String ticket = ticket();
        h.call.onTwilioText(start(ticket.substring(0, ticket.length() - 2) + "AA"));
        assertThat(h.twilio.take()).containsExactly(new Closed(1008));
        assertThat(h.counter("voice.gateway.streams.refused", "reason", "ticket_invalid")).isEqualTo(1);
    }

    @Test
    void anotherCallsTicketIsRefused() {
        String othersTicket = h.tickets.issue("CAffffffffffffffffffffffffffffffff").orElseThrow();
        h.call.onTwilioText(start(CALL_SID, othersTicket));
        assertThat(h.twilio.take()).containsExactly(new Closed(1008));
        assertThat(h.counter("voice.gateway.streams.refused", "reason", "ticket_wrong_call")).isEqualTo(1);
    }

    @Test
    void anExpiredTicketIsRefused() {
        String ticket = ticket();
        h.clock.advance(Duration.ofSeconds(31));
        FakeTwilioSocket lateSocket = new FakeTwilioSocket();
        h.another(lateSocket).onTwilioText(start(ticket));
        assertThat(lateSocket.take()).containsExactly(new Closed(1008));
        assertThat(h.counter("voice.gateway.streams.refused", "reason", "ticket_expired")).isEqualTo(1);
    }

    @Test
    void aStreamInAnotherAudioFormatIsRefusedWith1003() {
        h.call.onTwilioText(start(ticket()).replace("audio/x-mulaw", "audio/l16"));
        assertThat(h.twilio.take()).containsExactly(new Closed(1003));
        assertThat(h.counter("voice.gateway.streams.refused", "reason", "bad_start")).isEqualTo(1);
    }
}
