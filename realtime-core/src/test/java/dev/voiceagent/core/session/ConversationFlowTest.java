package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.session.SessionMessage;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conversation's state machine in process: scripted model events and gateway inputs, and the exact sequence of
 * what it sends each side. No Quarkus, no sockets, no waiting.
 */
class ConversationFlowTest {

    private static final String FRAME = "//7+/v7+"; // 6 bytes of mu-law as base64

    @Test
    void configuresTheSessionThenAnnouncesReadyAndGreets() {
        InProcess call = new InProcess().phoneCall();
        FakeModel.Session session = call.model.session(0);
        session.created();
        session.updated();
        assertThat(call.transcript.all()).containsExactly(
                "model: (open)",
                "model: session.update",
                "gateway: Ready",
                "model: response.create");
        var update = session.sent("session.update").get(0).path("session");
        assertThat(update.path("instructions").asText()).contains("+14155550100");
        assertThat(update.path("audio").path("output").path("voice").asText()).isEqualTo("marin");
        assertThat(call.gateway.messages(SessionMessage.Ready.class).get(0).agent()).isEqualTo("front_desk_phone");
    }

    @Test
    void anOutboundCallsContextIsInTheInstructionsAfterAHandOffToo() {
        InProcess call = new InProcess().callContext("Remind Jane of her booking on Friday.").ready();
        FakeModel.Session session = call.model.session(0);
        String frontDesk = session.sent("session.update").get(0).path("session").path("instructions").asText();
        assertThat(frontDesk).contains("# Context of this call").endsWith("Remind Jane of her booking on Friday.");
        session.functionCall("resp_1", "call_1", "transfer_to_hotel_booking", "{}");
        assertThat(session.sent("session.update")).hasSize(2);
        assertThat(session.sent("session.update").get(1).path("session").path("instructions").asText())
                .isNotEqualTo(frontDesk).endsWith("Remind Jane of her booking on Friday.");
    }

    @Test
    void callerAudioIsHeldUntilTheSessionIsConfiguredThenSentInOrder() {
        InProcess call = new InProcess().phoneCall();
        call.conversation.onGatewayAudio(Buffer.buffer("AAAA"));
        call.model.session(0).created();
        call.conversation.onGatewayAudio(Buffer.buffer("BBBB"));
        call.transcript.sinceLast();
        call.model.session(0).updated();
        assertThat(call.transcript.sinceLast()).containsExactly(
                "model: append AAAA", "model: append BBBB", "gateway: Ready", "model: response.create");
        call.conversation.onGatewayAudio(Buffer.buffer("CCCC"));
        assertThat(call.transcript.sinceLast()).containsExactly("model: append CCCC");
    }

    @Test
    void badAudioFramesAreRefusedInTheConversation() {
        InProcess call = new InProcess().ready();
        call.conversation.onGatewayAudio(Buffer.buffer("not base64!"));
        assertThat(call.transcript.sinceLast()).containsExactly("gateway: error bad_audio");
    }

    @Test
    void assistantAudioIsLabelledAndEndsWithAudioDone() {
        InProcess call = new InProcess().ready();
        FakeModel.Session session = call.model.session(0);
        session.responseCreated("resp_1");
        session.audioDelta("resp_1", "item_1", FRAME);
        session.audioDelta("resp_1", "item_1", FRAME);
        session.emit(session.event("response.output_audio.done").put("response_id", "resp_1").put("item_id", "item_1"));
        session.assistantTranscript("resp_1", "item_1", "Hello there");
        session.responseDone("resp_1", "completed");
        assertThat(call.transcript.sinceLast()).containsExactly(
                "gateway: AudioItem", "gateway: audio", "gateway: audio", "gateway: AudioDone",
                "gateway: transcript assistant Hello there");
        assertThat(call.gateway.audio).containsExactly(FRAME, FRAME);
    }

    @Test
    void bargeInDropsTheRestOfTheAnswerAndTruncatesAtWhatWasHeard() {
        InProcess call = new InProcess().ready();
        FakeModel.Session session = call.model.session(0);
        session.responseCreated("resp_1");
        session.audioDelta("resp_1", "item_1", "/".repeat(800)); // 600 bytes: 75 ms of mu-law
        session.speechStarted("item_2");
        session.audioDelta("resp_1", "item_1", FRAME);
        call.conversation.onGatewayMessage(new SessionMessage.PlaybackInterrupted(
                List.of(new SessionMessage.HeardItem("item_1", 5000))));
        assertThat(call.transcript.sinceLast()).containsExactly(
                "gateway: AudioItem", "gateway: audio", "gateway: SpeechStarted", "model: conversation.item.truncate");
        assertThat(session.sent("conversation.item.truncate").get(0).path("audio_end_ms").asLong()).isEqualTo(75);
    }

    @Test
    void aSecondResponseWaitsForTheFirstAndABusyRefusalIsRetried() {
        InProcess call = new InProcess().ready();
        FakeModel.Session session = call.model.session(0);
        session.responseCreated("resp_1");
        call.conversation.onGatewayMessage(new SessionMessage.Dtmf("5"));
        var item = session.event("response.output_item.done").put("response_id", "resp_1");
        item.putObject("item").put("type", "function_call").put("name", "no_such_function").put("call_id", "call_1")
                .put("arguments", "{}");
        session.emit(item);
        assertThat(call.transcript.sinceLast()).containsExactly(
                "model: conversation.item.create system The caller pressed the key 5 on their phone keypad.",
                "model: conversation.item.create function_call_output call_1");
        session.responseDone("resp_1", "completed");
        assertThat(call.transcript.sinceLast()).containsExactly("model: response.create");
        session.emit("""
                {"type":"error","event_id":"e9","error":{"type":"invalid_request_error",\
                "code":"conversation_already_has_active_response","message":"busy"}}""");
        assertThat(call.transcript.sinceLast()).isEmpty();
        session.responseCreated("resp_vad");
        session.responseDone("resp_vad", "completed");
        assertThat(call.transcript.sinceLast()).containsExactly("model: response.create");
    }

    @Test
    void upstreamErrorsAreRelayedAndTheHarmlessOneIsIgnored() {
        InProcess call = new InProcess().ready();
        FakeModel.Session session = call.model.session(0);
        session.emit("""
                {"type":"error","error":{"type":"invalid_request_error","code":"response_cancel_not_active",\
                "message":"no active response"}}""");
        session.emit("""
                {"type":"error","error":{"type":"server_error","code":"server_error","message":"oops"}}""");
        session.emit("{not json");
        assertThat(call.transcript.sinceLast()).containsExactly("gateway: error server_error");
    }

    @Test
    void aHandOffSwitchesInstructionsAndToolsButNeverTheVoice() {
        InProcess call = new InProcess().ready();
        FakeModel.Session session = call.model.session(0);
        session.functionCall("resp_1", "call_1", "transfer_to_hotel_booking", "{}");
        assertThat(call.transcript.sinceLast()).containsExactly(
                "model: session.update", "gateway: AgentChanged",
                "model: conversation.item.create function_call_output call_1", "model: response.create");
        var update = session.sent("session.update").get(1).path("session");
        assertThat(update.path("audio").path("output").has("voice")).isFalse();
        assertThat(update.path("audio").path("output").path("format").path("type").asText()).isEqualTo("audio/pcmu");
        assertThat(call.conversation.history.agent().name()).isEqualTo("hotel_booking");
    }

    @Test
    void aFirstSessionNotOpenedInTimeIsRetriedAndTheCallGoesOn() {
        InProcess call = new InProcess();
        call.model.hangNext();
        call.phoneCall();
        call.loop.advance(Duration.ofSeconds(5));
        assertThat(call.transcript.sinceLast()).containsExactly("model: (open)");
        call.loop.advance(Duration.ofMillis(250));
        assertThat(call.transcript.sinceLast()).containsExactly("model: (open)");
        call.model.last().createdAndUpdated();
        assertThat(call.transcript.sinceLast()).containsExactly(
                "model: session.update", "gateway: Ready", "model: response.create");
        assertThat(call.counter("voice.core.upstream.reconnects", "reason", "first_session", "outcome", "resumed"))
                .isEqualTo(1);
    }

    @Test
    void aRefusedFirstConnectionIsRetriedWithBackoff() {
        InProcess call = new InProcess();
        call.model.refuseNext(2);
        call.phoneCall();
        call.loop.advance(Duration.ofMillis(249));
        assertThat(call.transcript.sinceLast()).containsExactly("model: (open)");
        call.loop.advance(Duration.ofMillis(1));
        assertThat(call.transcript.sinceLast()).containsExactly("model: (open)");
        call.loop.advance(Duration.ofMillis(500));
        assertThat(call.transcript.sinceLast()).containsExactly("model: (open)");
        call.model.last().createdAndUpdated();
        assertThat(call.transcript.sinceLast()).containsExactly(
                "model: session.update", "gateway: Ready", "model: response.create");
        assertThat(call.endings).isEmpty();
    }

    @Test
    void whenEveryFirstAttemptIsRefusedTheCallerHearsTheApologyThenTheEnd() {
        InProcess call = new InProcess();
        call.model.refuseNext(3);
        call.phoneCall();
        call.loop.advance(Duration.ofMillis(750));
        var sent = call.transcript.sinceLast();
        assertThat(sent).filteredOn("model: (open)"::equals).hasSize(3);
        assertThat(sent).contains("gateway: AudioItem", "gateway: audio")
                .endsWith("gateway: AudioDone", "gateway: error upstream_connect_failed fatal");
        assertThat(call.endings).isEmpty();
        call.loop.advance(Duration.ofMillis(call.gateway.audio.size() * 100L));
        assertThat(call.transcript.sinceLast()).containsExactly("gateway: end upstream_connect_failed",
                "gateway: closed");
        assertThat(call.endings).containsExactly("upstream_connect_failed");
        assertThat(call.counter("voice.core.upstream.reconnects", "reason", "first_session", "outcome", "failed"))
                .isEqualTo(1);
    }

    @Test
    void aDrainingGatewayGetsASpokenGoodbyeThenTheEnd() {
        InProcess call = new InProcess().ready();
        FakeModel.Session session = call.model.session(0);
        call.conversation.onGatewayMessage(new SessionMessage.End(SessionMessage.End.DRAIN));
        assertThat(call.transcript.sinceLast()).containsExactly("model: response.create out-of-band");
        session.responseCreated("resp_bye");
        session.responseDone("resp_bye", "completed");
        assertThat(call.transcript.sinceLast()).containsExactly("model: (closed)", "gateway: end drain",
                "gateway: closed");
    }

    @Test
    void hangingUpClosesTheUpstreamSession() {
        InProcess call = new InProcess().ready();
        call.conversation.onGatewayMessage(new SessionMessage.End("stop"));
        assertThat(call.transcript.sinceLast()).containsExactly("model: (closed)", "gateway: end stop",
                "gateway: closed");
        assertThat(call.model.session(0).closed).isTrue();
    }

    @Test
    void audioThatIsNotBase64IsDroppedAndCounted() {
        InProcess call = new InProcess().ready();
        FakeModel.Session session = call.model.session(0);
        session.responseCreated("resp_1");
        session.audioDelta("resp_1", "item_1", "not base64!");
        session.audioDelta("resp_1", "item_1", FRAME);
        assertThat(call.transcript.sinceLast()).containsExactly("gateway: AudioItem", "gateway: audio");
        assertThat(call.counter("voice.core.upstream.refused", "kind", "invalid_audio")).isEqualTo(1);
    }

    @Test
    void aLongTranscriptIsCutToTheLimitEverywhere() {
        InProcess call = new InProcess().with("core.max-transcript-chars", "10").ready();
        call.model.session(0).userTranscript("item_1", "a".repeat(50));
        assertThat(call.transcript.sinceLast()).containsExactly("gateway: transcript user " + "a".repeat(10));
        assertThat(call.conversation.history.items())
                .containsExactly(new dev.voiceagent.core.checkpoint.ConversationItem.UserMessage("a".repeat(10)));
        assertThat(call.counter("voice.core.upstream.refused", "kind", "truncated_text")).isEqualTo(1);
        call.model.session(0).emit("{\"type\":\"error\",\"error\":{\"type\":\"server_error\","
                + "\"code\":\"server_error\",\"message\":\"" + "m".repeat(50) + "\"}}");
        assertThat(call.gateway.messages(SessionMessage.Error.class).get(0).message()).isEqualTo("m".repeat(10));
    }

    @Test
    void aLargeAudioDeltaReachesTheGatewayInRecordsThatFitItsFrames() {
        InProcess call = new InProcess().ready();
        FakeModel.Session session = call.model.session(0);
        session.responseCreated("resp_1");
        String large = "A".repeat(ModelLimits.AUDIO_RECORD_CHARS * 2 + 400);
        session.audioDelta("resp_1", "item_1", large);
        assertThat(call.transcript.sinceLast()).containsExactly("gateway: AudioItem", "gateway: audio",
                "gateway: audio", "gateway: audio");
        assertThat(String.join("", call.gateway.audio)).isEqualTo(large);
        assertThat(call.gateway.audio).allSatisfy(record -> assertThat(record.length() % 8).isZero());
    }
}
