package dev.voiceagent.telephony.call;

import static dev.voiceagent.telephony.call.CallHarness.mark;
import static dev.voiceagent.telephony.call.CallHarness.media;
import static dev.voiceagent.telephony.call.CallHarness.STREAM_SID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.telephony.call.FakeCore.Audio;
import dev.voiceagent.telephony.call.FakeTwilioSocket.Closed;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** What a stream may send: limits count audio time, never cut a normally paced caller, and close a flood. */
class InboundLimitsTest {

    private final CallHarness h = new CallHarness().answered();
    private int sent;

    /** {@code frames} 20 ms frames, {@code perTick} of them every 20 ms of scripted time. */
    private void send(int frames, int perTick) {
        for (int i = 0; i < frames && h.twilio.events().isEmpty(); i++) {
            h.call.onTwilioText(media(sent++ % 100));
            if ((i + 1) % perTick == 0) {
                h.clock.advanceMillis(20);
            }
        }
    }

    private long audioFramesAtCore() {
        return h.core.events().stream().filter(Audio.class::isInstance).count();
    }

    @Test
    void aNormallyPacedCallerLosesNothingAfterAFourSecondStall() {
        send(100, 1);
        h.clock.advanceMillis(4000); // the network stalls; Twilio keeps recording
        for (int i = 0; i < 200; i++) {
            h.call.onTwilioText(media(sent++ % 100)); // the backlog arrives at once
        }
        send(500, 1);

        assertThat(audioFramesAtCore()).isEqualTo(800);
        assertThat(h.twilio.events()).isEmpty();
        assertThat(h.counter("voice.gateway.bad.input", "kind", "flood")).isZero();
    }

    @Test
    void aStreamSustainedWellAboveRealTimeIsClosedAsAFlood() {
        send(10_000, 3); // three times real time

        assertThat(h.twilio.take()).containsExactly(new Closed(1008));
        long admittedMs = audioFramesAtCore() * 20;
        long wallMs = sent / 3 * 20;
        assertThat(admittedMs - wallMs).as("a backlog of at least 5 s passed before it was called a flood")
                .isGreaterThanOrEqualTo(5000);
        assertThat(wallMs).as("closed within seconds").isLessThan(10_000);
        assertThat(h.counter("voice.gateway.bad.input", "kind", "flood")).isEqualTo(1);
        assertThat(h.core.events()).endsWith(new FakeCore.Message(new SessionMessage.End("flood")),
                new FakeCore.Closed());
    }

    @Test
    void theEchoesOfEveryMarkAClearDroppedAreFreeButMarksNobodySentAreNot() {
        h.call.onMessage(new SessionMessage.AudioItem("item_1", "resp_1"));
        for (int i = 0; i < 3000; i++) { // a minute of answer in 20 ms chunks, each with its mark
            h.call.onAudio(Buffer.buffer(CallHarness.audio(20)));
        }
        h.call.onMessage(new SessionMessage.SpeechStarted("in_1"));
        var marks = h.twilio.take().stream().filter(FakeTwilioSocket.Mark.class::isInstance)
                .map(m -> ((FakeTwilioSocket.Mark) m).name()).toList();
        marks.forEach(name -> h.call.onTwilioText(mark(name))); // Twilio echoes them all at once

        assertThat(h.twilio.events()).isEmpty();
        for (int i = 0; i < 1000 && h.twilio.events().isEmpty(); i++) {
            h.call.onTwilioText(mark("bogus-" + i));
        }
        assertThat(h.twilio.take()).containsExactly(new Closed(1008));
    }

    @Test
    void aMessageOverTheSizeLimitClosesTheStreamWith1009() {
        h.call.onTwilioText("{\"event\":\"media\",\"media\":{\"payload\":\"" + "A".repeat(20_000) + "\"}}");
        assertThat(h.twilio.take()).containsExactly(new Closed(1009));
        assertThat(h.counter("voice.gateway.bad.input", "kind", "oversized")).isEqualTo(1);
    }

    @Test
    void malformedMessagesAreRefusedOneByOneAndTheCallGoesOn() {
        h.call.onTwilioText("this is not json");
        h.call.onTwilioText("{\"event\":\"teleport\",\"streamSid\":\"" + STREAM_SID + "\"}");
        h.call.onTwilioText("{\"event\":\"media\",\"media\":{\"track\":\"inbound\",\"payload\":\"%%%not-base64%%%\"}}");
        h.call.onTwilioText(media(7));

        assertThat(h.counter("voice.gateway.bad.input", "kind", "malformed_json")).isEqualTo(1);
        assertThat(h.counter("voice.gateway.bad.input", "kind", "unknown_event")).isEqualTo(1);
        assertThat(h.counter("voice.gateway.bad.input", "kind", "bad_base64")).isEqualTo(1);
        assertThat(h.core.take()).containsExactly(new Audio(CallHarness.frame(7)));
        assertThat(h.twilio.events()).isEmpty();
    }

    @Test
    void mediaBeforeStartIsRefused() {
        CallHarness early = new CallHarness();
        early.call.onTwilioText(media(1));
        assertThat(early.counter("voice.gateway.bad.input", "kind", "media_before_start")).isEqualTo(1);
        assertThat(early.twilio.events()).isEmpty();
    }
}
