package dev.voiceagent.telephony.call;

import static dev.voiceagent.telephony.call.CallHarness.CALL_SID;
import static dev.voiceagent.telephony.call.CallHarness.FROM;
import static dev.voiceagent.telephony.call.CallHarness.STREAM_SID;
import static dev.voiceagent.telephony.call.CallHarness.audio;
import static dev.voiceagent.telephony.call.CallHarness.connected;
import static dev.voiceagent.telephony.call.CallHarness.dtmf;
import static dev.voiceagent.telephony.call.CallHarness.frame;
import static dev.voiceagent.telephony.call.CallHarness.mark;
import static dev.voiceagent.telephony.call.CallHarness.media;
import static dev.voiceagent.telephony.call.CallHarness.start;
import static dev.voiceagent.telephony.call.CallHarness.stop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.telephony.call.FakeCore.Audio;
import dev.voiceagent.telephony.call.FakeCore.Message;
import dev.voiceagent.telephony.call.FakeTwilioSocket.Clear;
import dev.voiceagent.telephony.call.FakeTwilioSocket.Closed;
import dev.voiceagent.telephony.call.FakeTwilioSocket.Mark;
import dev.voiceagent.telephony.call.FakeTwilioSocket.Media;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One call in process: Twilio's and the core's messages scripted, the exact sequence each side gets asserted. */
class TwilioCallTest {

    private final CallHarness h = new CallHarness();

    private void assistantSays(String itemId, long ms) {
        h.call.onMessage(new SessionMessage.AudioItem(itemId, "resp_1"));
        h.call.onAudio(Buffer.buffer(audio(ms)));
    }

    @Test
    void theStartOpensTheCallersConversationAndCallerAudioFollowsInOrder() {
        h.started();
        assertThat(h.core.start()).isEqualTo(new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE,
                AudioCodec.PCMU, FROM, CALL_SID, STREAM_SID, null, null, null, null));

        h.call.onTwilioText(media(1));
        h.call.onTwilioText(media(2));
        assertThat(h.core.events()).as("held while the conversation opens").isEmpty();
        h.core.answer();
        h.call.onTwilioText(media(3));

        assertThat(h.core.take()).containsExactly(new Audio(frame(1)), new Audio(frame(2)), new Audio(frame(3)));
        assertThat(h.twilio.events()).isEmpty();
    }

    @Test
    void assistantAudioGoesOutAsMediaThenAMarkNamingItsPosition() {
        h.answered();
        assistantSays("item_1", 100);
        h.call.onAudio(Buffer.buffer(audio(60)));

        assertThat(h.twilio.take()).containsExactly(new Media(STREAM_SID, audio(100)),
                new Mark(STREAM_SID, "item_1:100:g0:m1"), new Media(STREAM_SID, audio(60)),
                new Mark(STREAM_SID, "item_1:160:g0:m2"));
    }

    @Test
    void bargeInClearsTwilioTellsTheCoreWhatWasHeardAndDropsTheItemsLateAudio() {
        h.answered();
        assistantSays("item_1", 1000);
        h.twilio.take();
        h.clock.advanceMillis(300);

        h.call.onMessage(new SessionMessage.SpeechStarted("in_1"));
        h.call.onAudio(Buffer.buffer(audio(100)));

        assertThat(h.twilio.take()).containsExactly(new Clear(STREAM_SID));
        assertThat(h.core.take()).containsExactly(new Message(new SessionMessage.PlaybackInterrupted(
                List.of(new SessionMessage.HeardItem("item_1", 300)))));
        assertThat(h.registry.find("voice.gateway.barge.ins").counter().count()).isEqualTo(1);
    }

    @Test
    void aResumedConversationClearsWhatTheLostCoreLeftPlayingAndPlaysTheNewCoresAudio() {
        h.answered();
        assistantSays("item_1", 1000);
        h.twilio.take();
        h.core.take();

        h.call.onResumed(new SessionMessage.Ready("conv-1", "front_desk_phone", false, "gpt-realtime", "token-2"));
        assertThat(h.twilio.take()).containsExactly(new Clear(STREAM_SID));
        assertThat(h.core.take()).as("the new core knows nothing of the old items").isEmpty();

        assistantSays("item_9", 100);
        assertThat(h.twilio.take()).containsExactly(new Media(STREAM_SID, audio(100)),
                new Mark(STREAM_SID, "item_9:100:g1:m2"));
    }

    @Test
    void aResumedConversationWithNothingPlayingSendsTwilioNothing() {
        h.answered();
        h.call.onResumed(new SessionMessage.Ready("conv-1", "front_desk_phone", false, "gpt-realtime", "token-2"));
        assertThat(h.twilio.take()).isEmpty();
    }

    @Test
    void keysPressedReachTheCore() {
        h.answered();
        h.call.onTwilioText(dtmf("5"));
        assertThat(h.core.take()).containsExactly(new Message(new SessionMessage.Dtmf("5")));
    }

    @Test
    void twiliosStopEndsTheConversationAndTheStream() {
        h.answered();
        h.call.onTwilioText(stop());
        assertThat(h.core.take()).containsExactly(new Message(new SessionMessage.End("stop")), new FakeCore.Closed());
        assertThat(h.twilio.take()).containsExactly(new Closed(1000));
        assertThat(h.counter("voice.gateway.calls.ended", "reason", "stop")).isEqualTo(1);
    }

    @Test
    void whenTheCoreEndsTheStreamClosesOnlyOnceTheLastAudioHasPlayed() {
        h.answered();
        assistantSays("item_1", 500);
        Mark last = (Mark) h.twilio.take().get(1);

        h.call.onMessage(new SessionMessage.End("goodbye"));
        assertThat(h.twilio.events()).as("the goodbye is still playing").isEmpty();
        h.call.onTwilioText(mark(last.name()));

        assertThat(h.twilio.take()).containsExactly(new Closed(1000));
        assertThat(h.core.take()).containsExactly(new Message(new SessionMessage.End("core_ended")),
                new FakeCore.Closed());
    }

    @Test
    void whenMarksNeverComeBackTheStreamClosesAfterThePlayoutWait() {
        h.answered();
        assistantSays("item_1", 500);
        h.twilio.take();
        h.call.onMessage(new SessionMessage.End("goodbye"));

        h.clock.advance(h.limits.playoutWait().minusMillis(1));
        assertThat(h.twilio.events()).isEmpty();
        h.clock.advanceMillis(1);
        assertThat(h.twilio.take()).containsExactly(new Closed(1000));
    }

    @Test
    void aCoreThatCannotBeReachedEndsTheCallWith1011() {
        h.started();
        h.core.refuse();
        assertThat(h.twilio.take()).containsExactly(new Closed(1011));
        assertThat(h.counter("voice.gateway.calls.ended", "reason", "core_unreachable")).isEqualTo(1);
    }

    @Test
    void theCoreClosingEndsTheCall() {
        h.answered();
        h.call.onClosed();
        assertThat(h.twilio.take()).containsExactly(new Closed(1000));
    }

    @Test
    void whatTheCoreSendsAfterTheCallEndedReachesNobody() { // found by TwilioCallFuzzTest
        h.answered();
        h.call.onTwilioText(stop());
        h.twilio.take();
        h.core.take();

        h.call.onMessage(new SessionMessage.SpeechStarted("in_1"));
        h.call.onMessage(new SessionMessage.End("goodbye"));
        h.call.onAudio(Buffer.buffer(audio(100)));

        assertThat(h.twilio.events()).isEmpty();
        assertThat(h.core.events()).isEmpty();
        assertThat(h.clock.pendingTimers()).isZero();
    }

    @Test
    void drainingAsksTheCoreForAGoodbyeOrClosesAStreamNotYetConnected() {
        h.answered();
        h.call.drain();
        assertThat(h.core.take()).containsExactly(new Message(new SessionMessage.End(SessionMessage.End.DRAIN)));
        assertThat(h.twilio.events()).isEmpty();

        CallHarness opening = new CallHarness().started();
        opening.call.drain();
        assertThat(opening.twilio.take()).containsExactly(new Closed(1001));
    }

    @Test
    void firstAudioLatencyCountsFromTheWebhookOfAPrewarmedCall() {
        h.started();
        h.clock.advanceMillis(300);
        h.core.answer(Duration.ofMillis(1000));
        h.clock.advanceMillis(200);
        assistantSays("item_1", 100);
        assertThat(h.registry.find("voice.gateway.first.audio").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(1500);
    }
}
