package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.core.openai.ClientEvents;
import dev.voiceagent.session.SessionMessage;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The upstream session is lost or too old: the conversation goes on in a new one, with the conversation so far
 * re-created and the caller's audio of the meantime held, or ends with a recorded apology when no model can be had.
 */
class ReconnectFlowTest {

    /** A call with some history: a caller turn, an answer, a tool call with its output. */
    private static InProcess talkedFor(InProcess call) {
        call.ready();
        FakeModel.Session session = call.model.session(0);
        session.userTranscript("item_u1", "I need a hotel in Paris");
        session.responseCreated("resp_1");
        session.assistantTranscript("resp_1", "item_a1", "For which dates?");
        session.responseDone("resp_1", "completed");
        session.functionCall("resp_2", "call_1", "no_such_function", "{}");
        call.transcript.sinceLast();
        return call;
    }

    @Test
    void aResetMidTurnOpensANewSessionAtOnceReInjectsTheConversationThenResumesAudio() {
        InProcess call = talkedFor(new InProcess().callerContext("{\"customer\":\"Alex\"}"));
        call.transcript.sinceLast();
        call.model.session(0).drop(ModelConnection.ABNORMAL);
        call.conversation.onGatewayAudio(Buffer.buffer("AAAA"));
        call.conversation.onGatewayAudio(Buffer.buffer("BBBB"));
        FakeModel.Session next = call.model.session(1);
        next.created();
        assertThat(call.transcript.sinceLast()).containsExactly(
                "gateway: error model_reconnecting",
                "model: (open)",
                "model: session.update",
                "model: conversation.item.create user I need a hotel in Paris",
                "model: conversation.item.create assistant For which dates?",
                "model: conversation.item.create function_call call_1",
                "model: conversation.item.create function_call_output call_1");
        next.updated();
        // The response asked for after the tool output never came: asked for again, after the held audio.
        assertThat(call.transcript.sinceLast()).containsExactly("model: append AAAA", "model: append BBBB",
                "model: response.create");
        var session = next.sent("session.update").get(0).path("session");
        assertThat(session.path("instructions").asText()).contains("Alex").contains("+14155550100");
        assertThat(session.path("audio").path("output").path("voice").asText()).isEqualTo("marin");
        assertThat(session.path("tools").isEmpty()).isFalse();
        assertThat(call.counter("voice.core.upstream.reconnects", "reason", "reset", "outcome", "resumed"))
                .isEqualTo(1);
        assertThat(call.endings).isEmpty();
    }

    @Test
    void theCallersUntranscribedWordsAreHeardAgainByTheNewSessionOnlyOnce() {
        InProcess call = new InProcess().ready();
        FakeModel.Session first = call.model.session(0);
        call.conversation.onGatewayAudio(Buffer.buffer("AAAA"));
        first.userTranscript("item_u1", "Hello");
        call.conversation.onGatewayAudio(Buffer.buffer("BBBB"));
        call.conversation.onGatewayAudio(Buffer.buffer("CCCC"));
        first.drop(ModelConnection.ABNORMAL);
        call.conversation.onGatewayAudio(Buffer.buffer("DDDD"));
        call.transcript.sinceLast();
        call.model.session(1).createdAndUpdated();
        assertThat(call.transcript.sinceLast()).containsExactly("model: session.update",
                "model: conversation.item.create user Hello",
                "model: append BBBB", "model: append CCCC", "model: append DDDD");
    }

    @Test
    void aServerErrorMidResponseAsksTheNewSessionForTheAnswerAgain() {
        InProcess call = new InProcess().ready();
        FakeModel.Session first = call.model.session(0);
        first.userTranscript("item_u1", "What time is check-in?");
        first.responseCreated("resp_1");
        first.audioDelta("resp_1", "item_a1", "//7+");
        call.transcript.sinceLast();
        first.drop(ModelConnection.SERVER_ERROR);
        first.audioDelta("resp_1", "item_a1", "//7+"); // late, from the dead session: nothing
        FakeModel.Session next = call.model.session(1);
        next.createdAndUpdated();
        assertThat(call.transcript.sinceLast()).containsExactly(
                "gateway: error model_reconnecting",
                "model: (open)",
                "model: session.update",
                "model: conversation.item.create user What time is check-in?",
                "model: response.create");
        assertThat(call.counter("voice.core.upstream.reconnects", "reason", "server_error", "outcome", "resumed"))
                .isEqualTo(1);
    }

    @Test
    void aResponseAskedForWhileNoSessionIsReadyGoesOutOnceOneIs() {
        InProcess call = new InProcess().ready();
        call.model.session(0).drop(ModelConnection.ABNORMAL);
        call.conversation.requestResponse(ClientEvents.responseCreate()); // e.g. a tool answered meanwhile
        FakeModel.Session next = call.model.session(1);
        next.created();
        call.transcript.sinceLast();
        next.updated();
        assertThat(call.transcript.sinceLast()).containsExactly("model: response.create");
        next.responseCreated("resp_1");
        next.responseDone("resp_1", "completed");
        call.conversation.requestResponse(ClientEvents.responseCreate());
        assertThat(call.transcript.sinceLast()).containsExactly("model: response.create");
    }

    @Test
    void aGoodbyeAskedForDuringAReconnectIsSaidByTheNewSessionThenTheCallEnds() {
        InProcess call = new InProcess().ready();
        call.model.session(0).drop(ModelConnection.ABNORMAL);
        call.conversation.onGatewayMessage(new SessionMessage.End(SessionMessage.End.DRAIN));
        FakeModel.Session next = call.model.session(1);
        next.created();
        call.transcript.sinceLast();
        next.updated();
        assertThat(call.transcript.sinceLast()).containsExactly("model: response.create out-of-band");
        next.responseCreated("resp_bye");
        next.responseDone("resp_bye", "completed");
        assertThat(call.transcript.sinceLast()).containsExactly("model: (closed)", "gateway: end drain",
                "gateway: closed");
    }

    @Test
    void refusedAttemptsAreRetriedWithBackoffUntilOneSucceeds() {
        InProcess call = new InProcess().ready();
        call.model.refuseNext(2);
        call.model.session(0).drop(ModelConnection.ABNORMAL);
        assertThat(call.transcript.sinceLast()).containsExactly("gateway: error model_reconnecting", "model: (open)");
        call.loop.advance(Duration.ofMillis(249));
        assertThat(call.transcript.sinceLast()).isEmpty();
        call.loop.advance(Duration.ofMillis(1));
        assertThat(call.transcript.sinceLast()).containsExactly("model: (open)");
        call.loop.advance(Duration.ofMillis(500));
        assertThat(call.transcript.sinceLast()).containsExactly("model: (open)");
        call.model.session(1).createdAndUpdated();
        assertThat(call.transcript.sinceLast()).containsExactly("model: session.update");
        assertThat(call.endings).isEmpty();
    }

    @Test
    void afterTheLastFailedAttemptTheCallerHearsTheApologyThenTheCallEnds() {
        InProcess call = new InProcess().ready();
        call.model.refuseNext(3);
        call.model.session(0).drop(ModelConnection.ABNORMAL);
        call.loop.advance(Duration.ofMillis(750));
        var sent = call.transcript.sinceLast();
        assertThat(sent).filteredOn("model: (open)"::equals).hasSize(3);
        assertThat(sent).first().isEqualTo("gateway: error model_reconnecting");
        assertThat(sent.subList(4, 6)).containsExactly("gateway: AudioItem", "gateway: audio");
        assertThat(sent).endsWith("gateway: AudioDone", "gateway: error upstream_unavailable fatal");
        assertThat(call.gateway.audio).hasSizeGreaterThan(30); // seconds of speech, in 100 ms records
        assertThat(call.endings).isEmpty();
        call.loop.advance(Duration.ofMillis(call.gateway.audio.size() * 100L));
        assertThat(call.transcript.sinceLast()).containsExactly("gateway: end upstream_unavailable",
                "gateway: closed");
        assertThat(call.counter("voice.core.upstream.reconnects", "reason", "reset", "outcome", "failed"))
                .isEqualTo(1);
    }

    @Test
    void aSessionThatDoesNotConfigureInTimeCountsAsAFailedAttempt() {
        InProcess call = new InProcess().ready();
        call.model.session(0).drop(1000);
        call.model.session(1).created();
        call.transcript.sinceLast();
        call.loop.advance(Duration.ofSeconds(5));
        assertThat(call.transcript.sinceLast()).containsExactly("model: (closed)");
        call.loop.advance(Duration.ofMillis(250));
        assertThat(call.transcript.sinceLast()).containsExactly("model: (open)");
    }

    @Test
    void callerAudioBeyondTheHeldBufferIsCountedAndReportedOnce() {
        InProcess call = new InProcess().with("core.held-audio", "1ms").ready(); // 10 bytes of mu-law as base64
        call.model.session(0).drop(ModelConnection.ABNORMAL);
        call.transcript.sinceLast();
        call.conversation.onGatewayAudio(Buffer.buffer("AAAA"));
        call.conversation.onGatewayAudio(Buffer.buffer("BBBB"));
        call.conversation.onGatewayAudio(Buffer.buffer("CCCC"));
        call.conversation.onGatewayAudio(Buffer.buffer("DDDD"));
        assertThat(call.transcript.sinceLast()).containsExactly("gateway: error audio_dropped");
        assertThat(call.counter("voice.core.reconnect.audio.dropped")).isEqualTo(8);
        call.model.session(1).createdAndUpdated();
        assertThat(call.transcript.sinceLast()).containsExactly("model: session.update", "model: append AAAA",
                "model: append BBBB");
    }

    @Test
    void anOldSessionIsReplacedAtTheNextPauseNotMidAnswer() {
        InProcess call = new InProcess().ready();
        FakeModel.Session first = call.model.session(0);
        first.responseCreated("resp_1");
        call.loop.advance(Duration.ofMinutes(55));
        assertThat(call.transcript.sinceLast()).isEmpty();
        first.responseDone("resp_1", "completed");
        assertThat(call.transcript.sinceLast()).containsExactly("model: (closed)", "gateway: error model_reconnecting",
                "model: (open)");
        call.model.session(1).createdAndUpdated();
        assertThat(call.transcript.sinceLast()).containsExactly("model: session.update");
        assertThat(call.counter("voice.core.upstream.reconnects", "reason", "session_age", "outcome", "resumed"))
                .isEqualTo(1);
    }

    @Test
    void anIdleOldSessionIsReplacedWhenItReachesItsAge() {
        InProcess call = new InProcess().with("core.reconnect.max-session-age", "10m").ready();
        call.loop.advance(Duration.ofMinutes(10));
        assertThat(call.transcript.sinceLast()).containsExactly("model: (closed)", "gateway: error model_reconnecting",
                "model: (open)");
    }

    @Test
    void anOversizedEventEndsOnlyThisConversationWithAReason() {
        InProcess call = new InProcess().ready();
        call.model.session(0).drop(ModelConnection.TOO_BIG);
        var sent = call.transcript.sinceLast();
        assertThat(sent).startsWith("gateway: AudioItem", "gateway: audio")
                .endsWith("gateway: AudioDone", "gateway: error upstream_event_too_large fatal")
                .doesNotContain("model: (open)");
        call.loop.advance(Duration.ofSeconds(10));
        assertThat(call.endings).containsExactly("upstream_event_too_large");
    }

    @Test
    void theGatewayEndingDuringAReconnectStopsIt() {
        InProcess call = new InProcess().ready();
        call.model.refuseNext(1);
        call.model.session(0).drop(ModelConnection.ABNORMAL);
        call.conversation.onGatewayMessage(new SessionMessage.End("hangup"));
        call.loop.advance(Duration.ofSeconds(5));
        assertThat(call.transcript.sinceLast()).containsExactly("gateway: error model_reconnecting", "model: (open)",
                "gateway: end hangup", "gateway: closed");
    }
}
