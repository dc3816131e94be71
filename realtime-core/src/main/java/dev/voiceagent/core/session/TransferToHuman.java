package dev.voiceagent.core.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voiceagent.core.handoff.AgentTools;
import dev.voiceagent.core.handoff.ArgumentsCheck;
import dev.voiceagent.core.mcp.ToolOutcome;
import dev.voiceagent.core.openai.ClientEvents;
import dev.voiceagent.session.SessionMessage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The caller is handed to a person (the model called {@code transfer_to_human}): the call is answered, the agent
 * says a short line, and once that line is done the gateway is asked to move the caller ({@code handoff.human}).
 * The gateway then ends the conversation ({@code end{reason:"transferred"}}), or answers {@code handoff.result}
 * when the person was not reached, possibly on this conversation resumed for the caller's return: the agent is told
 * and speaks to the caller. Confined to the conversation's loop.
 */
final class TransferToHuman {

    private static final Logger LOG = Logger.getLogger(TransferToHuman.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RESULTS = Set.of(SessionMessage.HandoffResult.FAILED, "no-answer", "busy");

    /** The function's output: the model's next response is the line the caller hears before the transfer. */
    static final String CONNECTING = "{\"status\":\"connecting\",\"instructions\":\"Tell the caller in one short "
            + "sentence that you are connecting them to a colleague now. Say nothing else.\"}";

    private final Conversation conversation;
    private final ConversationServices services;
    /** From the model's request until the gateway moved the caller or reported back. */
    private Span span;
    private boolean underway;

    TransferToHuman(Conversation conversation, ConversationServices services) {
        this.conversation = conversation;
        this.services = services;
    }

    void requested(String callId, AgentTools.HumanTransfer transfer, String arguments) {
        FunctionCalls calls = conversation.functionCalls;
        Optional<String> problem = ArgumentsCheck.problem(transfer.schema(), arguments);
        if (problem.isPresent()) {
            services.metrics().humanHandoff("bad_arguments");
            calls.answer(callId, ToolOutcome.error(problem.get()).forModel());
            return;
        }
        if (underway || conversation.farewell.isUnderway()) {
            calls.answer(callId, ToolOutcome.error(underway ? "the transfer to a person is already under way"
                    : "the call is ending; there is no time to transfer it").forModel());
            return;
        }
        JsonNode given = parse(arguments);
        SessionMessage.HandoffHuman handoff = new SessionMessage.HandoffHuman(given.path("reason").asText(),
                given.path("summary").asText(), transfer.handoff().target());
        underway = true;
        services.metrics().humanHandoff("requested");
        span = conversation.telemetry.humanHandoff(handoff.target());
        LOG.infof("conversation %s: agent %s hands the caller to a person (target %s): %s", conversation.id(),
                conversation.history.agent().name(), handoff.target() == null ? "default" : handoff.target(),
                handoff.reason());
        if (calls.output(callId, CONNECTING)) {
            conversation.farewell.begin(ClientEvents.responseCreate(), services.core().humanHandoffLineTimeout(),
                    () -> send(handoff));
        }
    }

    /** The line is done: the checkpoint holds the whole conversation, so a caller who comes back resumes it. */
    private void send(SessionMessage.HandoffHuman handoff) {
        if (conversation.isEnded()) {
            return;
        }
        conversation.checkpoint();
        services.metrics().humanHandoff("sent");
        span.addEvent("gateway asked to move the caller");
        conversation.toGateway(handoff);
    }

    /** The gateway reports that the caller did not reach a person: the agent is told, and tells the caller. */
    void result(SessionMessage.HandoffResult result) {
        underway = false;
        String status = RESULTS.contains(result.status()) ? result.status() : "other";
        services.metrics().humanHandoff(status);
        LOG.infof("conversation %s: the caller did not reach a person: %s%s", conversation.id(), status,
                result.detail() == null ? "" : " (" + result.detail() + ")");
        Span reported = span != null ? span : conversation.telemetry.humanHandoff(null);
        reported.setAttribute("voice.handoff_outcome", status).setStatus(StatusCode.ERROR, status);
        reported.end();
        span = null;
        conversation.sendUpstream(ClientEvents.systemNote("The transfer to a colleague did not succeed: "
                + describe(status) + ". Tell the caller so in one or two short sentences, and offer to help them "
                + "yourself."));
        conversation.requestResponse(ClientEvents.responseCreate());
    }

    /** The conversation ended: the caller went to the person ({@code transferred}) or hung up meanwhile. */
    void ended(String reason) {
        if (span == null) {
            return;
        }
        if (SessionMessage.End.TRANSFERRED.equals(reason)) {
            services.metrics().humanHandoff("transferred");
        }
        span.setAttribute("voice.handoff_outcome", reason).end();
        span = null;
    }

    private static String describe(String status) {
        return switch (status) {
            case "no-answer" -> "nobody answered";
            case "busy" -> "the line was busy";
            default -> "the call could not be connected";
        };
    }

    private static JsonNode parse(String arguments) {
        try {
            return JSON.readTree(arguments);
        } catch (Exception e) {
            throw new IllegalStateException("arguments passed the check but do not parse", e);
        }
    }
}
