package dev.voiceagent.telephony.call;

import static dev.voiceagent.telephony.call.CallHarness.CALL_SID;
import static dev.voiceagent.telephony.call.CallHarness.FROM;
import static dev.voiceagent.telephony.call.CallHarness.STREAM_SID;
import static dev.voiceagent.telephony.call.CallHarness.audio;
import static dev.voiceagent.telephony.call.CallHarness.connected;
import static dev.voiceagent.telephony.call.CallHarness.frame;
import static dev.voiceagent.telephony.call.CallHarness.mark;
import static dev.voiceagent.telephony.call.CallHarness.media;
import static dev.voiceagent.telephony.call.CallHarness.start;
import static dev.voiceagent.telephony.call.CallHarness.stop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.telephony.call.FakeCore.Audio;
import dev.voiceagent.telephony.call.FakeCore.Message;
import dev.voiceagent.telephony.call.FakeTwilioSocket.Closed;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/**
 * A call handed to a person, in process: the move waits until the caller has heard the agent's line, the agent
 * neither hears nor is heard meanwhile, and the core is told how it went: {@code transferred} (the conversation is
 * kept), or {@code handoff.result failed} and the conversation goes on; a caller back from an unanswered transfer
 * resumes the conversation and its agent hears why.
 */
class CallTransferTest {

    private static final SessionMessage.HandoffHuman HANDOFF =
            new SessionMessage.HandoffHuman("wants a person", "Alex wants to cancel HTL-4821.", "billing");

    private final CallHarness h = new CallHarness();

    /** Answered, ready with a resume token, the agent's line (200 ms) sent to Twilio, then handoff.human. */
    private void handoffDuringTheLine() {
        h.answered();
        h.call.onMessage(new SessionMessage.Ready("conv-1", "front_desk_phone", false, "gpt-realtime", "resume-1"));
        h.call.onMessage(new SessionMessage.AudioItem("item_line", "resp_2"));
        h.call.onAudio(Buffer.buffer(audio(200)));
        h.call.onMessage(new SessionMessage.HandoffHuman(HANDOFF.reason(), HANDOFF.summary(), HANDOFF.target()));
        h.twilio.take();
        h.core.take();
    }

    @Test
    void theCallMovesOnlyOnceTheCallerHasHeardTheLineAndTheAgentHearsNoMoreMeanwhile() {
        handoffDuringTheLine();
        h.call.onTwilioText(media(7));
        h.call.onAudio(Buffer.buffer(audio(100)));
        assertThat(h.transfers.requests).isEmpty();
        assertThat(h.core.take()).as("the caller's audio no longer reaches the agent").isEmpty();
        assertThat(h.twilio.take()).as("late audio of the agent is not played").isEmpty();

        h.clock.advanceMillis(200);
        h.call.onTwilioText(mark("item_line:200:g0:m1"));

        assertThat(h.transfers.requests).containsExactly(new TransferPort.Transfer(CALL_SID, FROM, "wants a person",
                "Alex wants to cancel HTL-4821.", "billing", "resume-1"));
        h.transfers.moved();
        assertThat(h.core.take()).containsExactly(new Message(new SessionMessage.End(SessionMessage.End.TRANSFERRED)),
                new FakeCore.Closed());
        assertThat(h.twilio.take()).containsExactly(new Closed(1000));
        assertThat(h.counter("voice.gateway.calls.ended", "reason", "transferred")).isEqualTo(1);
    }

    @Test
    void twiliosStopWhileTheMoveIsAnsweredIsTheTransferNotAHangUp() {
        handoffDuringTheLine();
        h.call.onTwilioText(mark("item_line:200:g0:m1"));
        h.call.onTwilioText(stop());
        h.transfers.moved();

        assertThat(h.core.take()).containsExactly(new Message(new SessionMessage.End(SessionMessage.End.TRANSFERRED)),
                new FakeCore.Closed());
        assertThat(h.counter("voice.gateway.calls.ended", "reason", "transferred")).isEqualTo(1);
    }

    @Test
    void marksThatNeverComeDelayTheMoveByThePlayoutWaitOnly() {
        handoffDuringTheLine();
        h.clock.advanceMillis(h.limits.playoutWait().toMillis() - 1);
        assertThat(h.transfers.requests).isEmpty();
        h.clock.advanceMillis(1);
        assertThat(h.transfers.requests).hasSize(1);
    }

    @Test
    void aMoveTwilioRefusedIsToldToTheAgentAndTheConversationGoesOn() {
        handoffDuringTheLine();
        h.call.onTwilioText(mark("item_line:200:g0:m1"));
        h.transfers.refused("the call could not be moved");

        assertThat(h.core.take()).containsExactly(new Message(new SessionMessage.HandoffResult(
                SessionMessage.HandoffResult.FAILED, "the call could not be moved")));
        h.call.onTwilioText(media(8));
        h.call.onMessage(new SessionMessage.AudioItem("item_sorry", "resp_3"));
        h.call.onAudio(Buffer.buffer(audio(100)));
        assertThat(h.core.take()).containsExactly(new Audio(frame(8)));
        assertThat(h.twilio.take()).hasSize(2); // the apology's media and mark
        assertThat(h.twilio.events()).doesNotContain(new Closed(1000));
    }

    @Test
    void aCallerBackFromAnUnansweredTransferResumesTheConversationAndItsAgentHearsWhy() {
        h.call.onTwilioText(connected());
        h.call.onTwilioText(start(CALL_SID, h.tickets.issue(CALL_SID).orElseThrow(),
                ",\"resume\":\"resume-1\",\"handoff\":\"no-answer\""));
        assertThat(h.core.start().resume()).isEqualTo("resume-1");
        h.core.answer();
        h.core.take();

        h.call.onMessage(new SessionMessage.Ready("conv-1", "front_desk_phone", false, "gpt-realtime", "resume-2"));
        h.call.onMessage(new SessionMessage.Ready("conv-1", "front_desk_phone", false, "gpt-realtime", "resume-3"));

        assertThat(h.core.take()).as("told once").containsExactly(
                new Message(new SessionMessage.HandoffResult("no-answer", null)));
        assertThat(h.twilio.events()).isEmpty();
        assertThat(h.core.start().streamId()).isEqualTo(STREAM_SID);
    }
}
