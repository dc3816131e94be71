package dev.voiceagent.telephony.call;

import static dev.voiceagent.telephony.call.CallHarness.CALL_SID;
import static dev.voiceagent.telephony.call.CallHarness.media;
import static dev.voiceagent.telephony.call.CallHarness.stop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.telephony.call.FakeFallback.TakeOver;
import dev.voiceagent.telephony.call.FakeTwilioSocket.Closed;
import org.junit.jupiter.api.Test;

/**
 * A call whose stream got no conversation (the model refused a session, the core refused or is gone) is handed to
 * Twilio's fallback: the stream stays open until Twilio stops it, caller audio goes nowhere, nothing is counted as
 * the caller's fault. When Twilio cannot be asked, the call ends as it always did.
 */
class FallbackTest {

    private final CallHarness h = new CallHarness();

    /** The core refuses the conversation before it was ever ready, as it does when the model refuses a session. */
    private void modelRefuses() {
        h.call.onMessage(new SessionMessage.Error("upstream_connect_failed", "cannot reach the model: 401", true));
        h.call.onMessage(new SessionMessage.End("upstream_connect_failed"));
        h.call.onClosed();
    }

    @Test
    void aModelThatRefusesTheSessionHandsTheCallToTheFallbackAndTwilioEndsTheStream() {
        h.fallback.answerByHand();
        h.opened();
        modelRefuses();
        assertThat(h.fallback.requests()).containsExactly(new TakeOver(CALL_SID, "upstream_connect_failed"));
        h.fallback.answer(true);
        h.call.onTwilioText(media(1));
        assertThat(h.twilio.take()).as("the stream stays until Twilio stops it").isEmpty();
        assertThat(h.core.take()).as("the refused conversation hears nothing more").isEmpty();

        h.call.onTwilioText(stop());
        assertThat(h.twilio.take()).containsExactly(new Closed(1000));
        assertThat(h.counter("voice.gateway.calls.ended", "reason", "fallback")).isEqualTo(1);
        assertThat(h.counter("voice.gateway.bad.input", "kind", "pending_audio_overflow")).isZero();
    }

    @Test
    void whenTwilioCannotBeAskedTheCallEndsAsBefore() {
        h.opened();
        modelRefuses();
        assertThat(h.fallback.requests()).hasSize(1);
        assertThat(h.twilio.take()).containsExactly(new Closed(1000));
        assertThat(h.counter("voice.gateway.calls.ended", "reason", "core_ended")).isEqualTo(1);
    }

    @Test
    void aConversationThatWasReadyEndsItselfWithoutTheFallback() {
        h.answered();
        h.call.onMessage(new SessionMessage.Error("upstream_unavailable", "the model cannot be reached", true));
        h.call.onMessage(new SessionMessage.End("upstream_unavailable"));
        assertThat(h.fallback.requests()).isEmpty();
        assertThat(h.twilio.take()).containsExactly(new Closed(1000));
    }

    @Test
    void aCoreThatCannotBeReachedHandsTheCallToTheFallback() {
        h.fallback.answerByHand();
        h.started();
        h.core.refuse();
        assertThat(h.fallback.requests()).containsExactly(new TakeOver(CALL_SID, "core_unreachable"));
        assertThat(h.twilio.take()).isEmpty();
        h.fallback.answer(false);
        assertThat(h.twilio.take()).containsExactly(new Closed(1011));
        assertThat(h.counter("voice.gateway.calls.ended", "reason", "core_unreachable")).isEqualTo(1);
    }
}
