package dev.voiceagent.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.telephony.call.FakeTwilioSocket.Closed;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** A Twilio client that stops reading costs at most the configured audio in memory, then the call ends. */
class BackPressureTest {

    private final CallHarness h = new CallHarness().answered();

    @Test
    void aClientThatStopsReadingIsDroppedOnceTheQueueHoldsTheLimit() {
        h.twilio.stopReading();
        h.call.onMessage(new SessionMessage.AudioItem("item_1", "resp_1"));
        for (int i = 0; i < 120; i++) { // two minutes of answer, as fast as the model sends it
            h.call.onAudio(Buffer.buffer(CallHarness.audio(1000)));
        }

        assertThat(h.twilio.events()).last().isEqualTo(new Closed(1008));
        assertThat(h.twilio.mostQueuedAudioMs()).as("never more than the limit and one chunk")
                .isLessThanOrEqualTo(h.limits.maxQueuedAudio().toMillis() + 1000);
        assertThat(h.core.take()).containsExactly(new FakeCore.Message(new SessionMessage.End("twilio_not_reading")),
                new FakeCore.Closed());
        assertThat(h.counter("voice.gateway.calls.ended", "reason", "twilio_not_reading")).isEqualTo(1);
    }

    @Test
    void aClientThatReadsIsNeverDropped() {
        h.call.onMessage(new SessionMessage.AudioItem("item_1", "resp_1"));
        for (int i = 0; i < 120; i++) {
            h.call.onAudio(Buffer.buffer(CallHarness.audio(1000)));
        }
        assertThat(h.twilio.events()).hasSize(240).noneMatch(Closed.class::isInstance);
    }
}
