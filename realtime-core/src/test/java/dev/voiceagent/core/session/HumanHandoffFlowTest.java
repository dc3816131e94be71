package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voiceagent.core.checkpoint.Checkpoint;
import dev.voiceagent.core.checkpoint.ConversationItem;
import dev.voiceagent.session.SessionMessage;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Handing the caller to a person, in process: the model's {@code transfer_to_human} is answered, its short line is
 * asked for, and only once that line is done does the gateway hear {@code handoff.human} with the model's own reason
 * and summary; the caller's return (no answer) is told to the model, on the same or a resumed conversation.
 */
class HumanHandoffFlowTest {

    private static final String ARGUMENTS = "{\"reason\":\"wants a person\",\"summary\":\"Alex (+14155550100) wants "
            + "to cancel HTL-4821; I found the booking and explained the fee.\"}";

    /** The model asks for a person; the transcript is reset after its function call. */
    private static InProcess transferRequested() {
        InProcess call = new InProcess().ready();
        call.model.session(0).functionCall("resp_1", "call_1", "transfer_to_human", ARGUMENTS);
        return call;
    }

    @Test
    void theFrontDeskOffersTheTransferWithAReasonAndASummaryToWrite() {
        InProcess call = new InProcess().ready();
        JsonNode transfer = StreamSupport.stream(call.model.session(0).sent("session.update").get(0)
                .path("session").path("tools").spliterator(), false)
                .filter(tool -> tool.path("name").asText().equals("transfer_to_human")).findFirst().orElseThrow();
        assertThat(transfer.path("parameters").path("required").toString()).isEqualTo("[\"reason\",\"summary\"]");
        assertThat(transfer.path("parameters").path("properties").path("summary").path("description").asText())
                .contains("who is calling");
    }

    @Test
    void theGatewayIsAskedToMoveTheCallerOnlyOnceTheLineIsDone() {
        InProcess call = transferRequested();
        assertThat(call.transcript.sinceLast()).containsExactly(
                "model: conversation.item.create function_call_output call_1",
                "model: response.create");
        assertThat(call.model.session(0).sent("conversation.item.create").get(0).path("item").path("output")
                .asText()).isEqualTo(TransferToHuman.CONNECTING);

        FakeModel.Session session = call.model.session(0);
        session.responseCreated("resp_2");
        session.assistantTranscript("resp_2", "item_2", "I'm connecting you to a colleague now.");
        assertThat(call.gateway.messages(SessionMessage.HandoffHuman.class)).isEmpty();
        session.responseDone("resp_2", "completed");

        assertThat(call.transcript.sinceLast()).containsExactly(
                "gateway: transcript assistant I'm connecting you to a colleague now.",
                "gateway: HandoffHuman");
        assertThat(call.gateway.messages(SessionMessage.HandoffHuman.class)).containsExactly(
                new SessionMessage.HandoffHuman("wants a person", "Alex (+14155550100) wants to cancel HTL-4821; "
                        + "I found the booking and explained the fee.", null));
        Checkpoint saved = call.checkpoints.load("conv-1").result().orElseThrow();
        assertThat(saved.items()).endsWith(new ConversationItem.AssistantMessage("I'm connecting you to a colleague now."));
        assertThat(call.counter("voice.core.human.handoffs", "outcome", "sent")).isEqualTo(1);
    }

    @Test
    void aLineThatNeverFinishesDoesNotHoldTheTransferBack() {
        InProcess call = transferRequested();
        call.model.session(0).responseCreated("resp_2");
        call.loop.advance(Duration.ofSeconds(9));
        assertThat(call.gateway.messages(SessionMessage.HandoffHuman.class)).isEmpty();
        call.loop.advance(Duration.ofSeconds(1));
        assertThat(call.gateway.messages(SessionMessage.HandoffHuman.class)).hasSize(1);
        call.model.session(0).responseDone("resp_2", "completed");
        assertThat(call.gateway.messages(SessionMessage.HandoffHuman.class)).as("sent once").hasSize(1);
    }

    @Test
    void aTransferredConversationKeepsItsCheckpointForTheCallersReturn() {
        InProcess call = transferRequested();
        call.model.session(0).responseCreated("resp_2");
        call.model.session(0).responseDone("resp_2", "completed");

        call.conversation.onGatewayMessage(new SessionMessage.End(SessionMessage.End.TRANSFERRED));

        assertThat(call.endings).containsExactly("transferred");
        assertThat(call.checkpoints.load("conv-1").result()).isPresent();
        assertThat(call.counter("voice.core.human.handoffs", "outcome", "transferred")).isEqualTo(1);
    }

    @Test
    void aTransferTheGatewayCouldNotMakeIsToldToTheModelAndMayBeTriedAgain() {
        InProcess call = transferRequested();
        FakeModel.Session session = call.model.session(0);
        session.responseCreated("resp_2");
        session.responseDone("resp_2", "completed");
        call.transcript.sinceLast();

        call.conversation.onGatewayMessage(new SessionMessage.HandoffResult("failed", "Twilio refused the update"));

        assertThat(call.transcript.sinceLast()).containsExactly(
                "model: conversation.item.create system The transfer to a colleague did not succeed: the call could "
                        + "not be connected. Tell the caller so in one or two short sentences, and offer to help "
                        + "them yourself.",
                "model: response.create");
        assertThat(call.counter("voice.core.human.handoffs", "outcome", "failed")).isEqualTo(1);
        session.functionCall("resp_3", "call_2", "transfer_to_human", ARGUMENTS);
        assertThat(session.sent("conversation.item.create").getLast().path("item").path("output").asText())
                .isEqualTo(TransferToHuman.CONNECTING);
    }

    @Test
    void argumentsWithoutASummaryAreExplainedAndNothingIsTransferred() {
        InProcess call = new InProcess().ready();
        call.model.session(0).functionCall("resp_1", "call_1", "transfer_to_human", "{\"reason\":\"wants a person\"}");
        call.model.session(0).responseCreated("resp_2");
        call.model.session(0).responseDone("resp_2", "completed");

        String output = call.model.session(0).sent("conversation.item.create").get(0).path("item").path("output")
                .asText();
        assertThat(output).startsWith("Error:").contains("summary");
        assertThat(call.gateway.messages(SessionMessage.HandoffHuman.class)).isEmpty();
        assertThat(call.counter("voice.core.human.handoffs", "outcome", "bad_arguments")).isEqualTo(1);
    }

    @Test
    void anAgentWithoutTheCapabilityCannotTransfer() {
        InProcess call = new InProcess().ready();
        call.model.session(0).functionCall("resp_1", "call_1", "transfer_to_hotel_booking", "{}");
        call.model.session(0).functionCall("resp_2", "call_2", "transfer_to_human", ARGUMENTS);
        assertThat(call.model.session(0).sent("conversation.item.create").getLast().path("item").path("output")
                .asText()).startsWith("Error: there is no function named 'transfer_to_human'");
        assertThat(call.gateway.messages(SessionMessage.HandoffHuman.class)).isEmpty();
    }

    @Test
    void aCallerBackFromAnUnansweredTransferResumesTheConversationAndTheModelHearsWhy() {
        Checkpoint checkpoint = new Checkpoint("conv-1", "front_desk_phone", null, List.of(
                new ConversationItem.UserMessage("Can I talk to a person?"),
                new ConversationItem.FunctionCall("call_1", "transfer_to_human", ARGUMENTS),
                new ConversationItem.FunctionOutput("call_1", TransferToHuman.CONNECTING),
                new ConversationItem.AssistantMessage("I'm connecting you to a colleague now.")));
        InProcess back = new InProcess().resumed("conv-1", Future.succeededFuture(Optional.of(checkpoint)));
        back.model.session(0).createdAndUpdated();
        back.transcript.sinceLast();

        back.conversation.onGatewayMessage(new SessionMessage.HandoffResult("no-answer", null));

        assertThat(back.transcript.sinceLast()).containsExactly(
                "model: conversation.item.create system The transfer to a colleague did not succeed: nobody "
                        + "answered. Tell the caller so in one or two short sentences, and offer to help them "
                        + "yourself.",
                "model: response.create");
        assertThat(back.counter("voice.core.human.handoffs", "outcome", "no-answer")).isEqualTo(1);
    }
}
