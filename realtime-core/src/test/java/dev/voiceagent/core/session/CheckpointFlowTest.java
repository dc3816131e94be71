package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.core.checkpoint.Checkpoint;
import dev.voiceagent.core.checkpoint.CheckpointStore;
import dev.voiceagent.core.checkpoint.ConversationItem;
import dev.voiceagent.session.SessionMessage;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checkpoints at every turn, and a conversation continued from one: the agent, the caller context and the items
 * re-created in a new session, a fresh resume token, and a tool call the lost core never finished answered; without a
 * usable checkpoint, the conversation begun afresh with the caller kept.
 */
class CheckpointFlowTest {

    private static Checkpoint stored(InProcess call) {
        return call.checkpoints.load("conv-1").result().orElseThrow();
    }

    @Test
    void checkpointsAtEveryTurnAndHandsOutAResumeTokenForTheConversation() {
        InProcess call = new InProcess().callerContext("{\"customer\":\"Alex\"}").ready();
        String token = call.gateway.messages(SessionMessage.Ready.class).get(0).resumeToken();
        assertThat(call.tokens.verify(token)).contains("conv-1");
        FakeModel.Session session = call.model.session(0);
        session.userTranscript("item_u1", "A room in Paris");
        session.responseCreated("resp_1");
        session.assistantTranscript("resp_1", "item_a1", "For which dates?");
        session.responseDone("resp_1", "completed");
        assertThat(stored(call)).isEqualTo(new Checkpoint("conv-1", "front_desk_phone", "{\"customer\":\"Alex\"}",
                List.of(new ConversationItem.UserMessage("A room in Paris"),
                        new ConversationItem.AssistantMessage("For which dates?"))));
        session.functionCall("resp_2", "call_1", "transfer_to_hotel_booking", "{}");
        assertThat(stored(call).agent()).isEqualTo("hotel_booking");
        assertThat(stored(call).items()).endsWith(new ConversationItem.FunctionOutput("call_1",
                "{\"assistant\":\"hotel_booking\"}"));
    }

    @Test
    void aResumedConversationContinuesWithItsAgentItemsAndAnAnswerForTheUnfinishedToolCall() {
        Checkpoint checkpoint = new Checkpoint("conv-1", "hotel_booking", "{\"customer\":\"Alex\"}", List.of(
                new ConversationItem.FunctionCall("call_1", "transfer_to_hotel_booking", "{}"),
                new ConversationItem.FunctionOutput("call_1", "{\"assistant\":\"hotel_booking\"}"),
                new ConversationItem.UserMessage("A room in Paris for two"),
                new ConversationItem.FunctionCall("call_2", "search-hotel", "{\"city\":\"Paris\"}")));

        InProcess here = new InProcess().callerContext("{\"customer\":\"someone newer\"}")
                .resumed("conv-1", Future.succeededFuture(Optional.of(checkpoint)));
        here.conversation.onGatewayAudio(Buffer.buffer("AAAA"));
        FakeModel.Session session = here.model.session(0);
        session.created();
        session.updated();
        assertThat(here.transcript.all()).containsExactly(
                "model: (open)",
                "model: session.update",
                "model: conversation.item.create function_call call_1",
                "model: conversation.item.create function_call_output call_1",
                "model: conversation.item.create user A room in Paris for two",
                "model: conversation.item.create function_call call_2",
                "model: append AAAA",
                "gateway: Ready",
                "model: conversation.item.create function_call_output call_2",
                "model: response.create");
        var update = session.sent("session.update").get(0).path("session");
        assertThat(update.path("instructions").asText()).contains("find and book a hotel");
        assertThat(update.path("tools").toString()).contains("transfer_to_front_desk_phone");
        assertThat(here.conversation.history.callerContext()).isEqualTo("{\"customer\":\"Alex\"}");
        assertThat(here.resumedLookups).as("the checkpoint carries what was known of the caller").isZero();
        SessionMessage.Ready ready = here.gateway.messages(SessionMessage.Ready.class).get(0);
        assertThat(ready.conversationId()).isEqualTo("conv-1");
        assertThat(ready.agent()).isEqualTo("hotel_booking");
        assertThat(here.tokens.verify(ready.resumeToken())).contains("conv-1");
        assertThat(session.sent("conversation.item.create").get(4).path("item").path("output").asText())
                .isEqualTo(UpstreamLifecycle.INTERRUPTED_CALL);
        assertThat(here.counter("voice.core.resumes", "outcome", "resumed")).isEqualTo(1);
    }

    /** What leaves a genuine resume nothing to restore: no checkpoint, a store that fails, an agent this core lacks. */
    static Stream<Arguments> lostCheckpoints() {
        return Stream.of(
                Arguments.of("no checkpoint", Future.succeededFuture(Optional.empty())),
                Arguments.of("store down", Future.failedFuture(new IllegalStateException("connection refused"))),
                Arguments.of("unknown agent", Future.succeededFuture(Optional.of(new Checkpoint("conv-9",
                        "retired_agent", null, List.of(new ConversationItem.UserMessage("A room in Paris")))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lostCheckpoints")
    void aLostCheckpointBeginsTheConversationAfreshWithAnApologyAndKeepsTheCaller(String lost,
            Future<Optional<Checkpoint>> loading) {
        InProcess here = new InProcess().callerContext("{\"customer\":\"Alex\"}").resumed("conv-9", loading);
        here.conversation.onGatewayAudio(Buffer.buffer("AAAA"));
        FakeModel.Session session = here.model.session(0);
        session.created();
        session.updated();
        assertThat(here.transcript.all()).as("a new call's path: no items, held audio, ready, the greeting")
                .containsExactly(
                        "model: (open)",
                        "model: session.update",
                        "model: append AAAA",
                        "gateway: Ready",
                        "model: response.create");
        String instructions = session.sent("session.update").get(0).path("session").path("instructions").asText();
        assertThat(instructions).contains("You are the front desk of a travel agency, answering a phone call")
                .contains("{\"customer\":\"Alex\"}").endsWith("\n\n" + Restore.EARLIER_PART_LOST);
        assertThat(here.resumedLookups).as("looked up as for a new call, once").isEqualTo(1);
        assertThat(session.sent("response.create").get(0).has("response"))
                .as("the model composes the greeting from its instructions, as on a new call").isFalse();
        SessionMessage.Ready ready = here.gateway.messages(SessionMessage.Ready.class).get(0);
        assertThat(ready.conversationId()).isEqualTo("conv-9");
        assertThat(ready.agent()).isEqualTo("front_desk_phone");
        assertThat(here.tokens.verify(ready.resumeToken())).contains("conv-9");
        assertThat(here.counter("voice.core.resumes", "outcome", "fresh")).isEqualTo(1);
        assertThat(here.counter("voice.core.resumes", "outcome", "failed")).isZero();

        session.responseCreated("resp_1");
        session.assistantTranscript("resp_1", "item_a1", "Sorry, I lost our conversation. What do you need?");
        session.responseDone("resp_1", "completed");
        assertThat(here.endings).isEmpty();
        assertThat(here.checkpoints.load("conv-9").result()).as("checkpointed again, so a later move restores it")
                .contains(new Checkpoint("conv-9", "front_desk_phone", "{\"customer\":\"Alex\"}", List.of(
                        new ConversationItem.AssistantMessage("Sorry, I lost our conversation. What do you need?"))));
    }

    @Test
    void aNormalEndDeletesTheCheckpointALostGatewayKeepsIt() {
        InProcess hungUp = new InProcess().ready();
        hungUp.model.session(0).responseCreated("resp_1");
        hungUp.model.session(0).responseDone("resp_1", "completed");
        hungUp.conversation.onGatewayMessage(new SessionMessage.End("hangup"));
        assertThat(hungUp.checkpoints.load("conv-1").result()).isEmpty();

        InProcess lost = new InProcess().ready();
        lost.conversation.onGatewayClosed();
        assertThat(lost.checkpoints.load("conv-1").result()).isPresent();
    }

    @Test
    void aStoreThatIsDownCostsTheResumeNeverTheCall() {
        CheckpointStore down = new CheckpointStore() {
            @Override
            public Future<Void> save(Checkpoint checkpoint) {
                return Future.failedFuture(new IllegalStateException("connection refused"));
            }

            @Override
            public Future<Optional<Checkpoint>> load(String conversationId) {
                return Future.failedFuture(new IllegalStateException("connection refused"));
            }

            @Override
            public Future<Void> delete(String conversationId) {
                return Future.failedFuture(new IllegalStateException("connection refused"));
            }
        };
        InProcess call = new InProcess().checkpoints(down).ready();
        FakeModel.Session session = call.model.session(0);
        session.responseCreated("resp_1");
        session.responseDone("resp_1", "completed");
        call.conversation.onGatewayAudio(Buffer.buffer("AAAA"));
        assertThat(call.transcript.sinceLast()).containsExactly("model: append AAAA");
        assertThat(call.endings).isEmpty();
    }
}
