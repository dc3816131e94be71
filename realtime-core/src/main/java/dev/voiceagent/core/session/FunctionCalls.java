package dev.voiceagent.core.session;

import dev.voiceagent.core.handoff.AgentTools;
import dev.voiceagent.core.handoff.ArgumentsCheck;
import dev.voiceagent.core.mcp.ToolOutcome;
import dev.voiceagent.core.openai.ClientEvents;
import dev.voiceagent.core.openai.ModelEvent;
import dev.voiceagent.session.SessionMessage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The model's function calls in one conversation: hand-offs switch the agent, MCP tool calls run off the event
 * loop with a holding line when they are slow, and every call ends in a {@code function_call_output} followed
 * by a new response. Nothing a tool does can end the call: failures become error outputs the model can explain.
 */
final class FunctionCalls {

    private static final Logger LOG = Logger.getLogger(FunctionCalls.class);

    /** Said once per slow tool call, outside the conversation so the model does not treat it as an answer. */
    static final String HOLDING_LINE = "Tell the caller in a few words that you are checking, for example "
            + "\"One moment, I'm checking.\" Say nothing else.";

    private final Conversation conversation;
    private final ConversationServices services;
    private final ConversationLoop loop;
    /** Calls whose tool is still running here. */
    private final java.util.Set<String> running = new java.util.HashSet<>();

    FunctionCalls(Conversation conversation, ConversationServices services, ConversationLoop loop) {
        this.conversation = conversation;
        this.services = services;
        this.loop = loop;
    }

    boolean isRunning(String callId) {
        return running.contains(callId);
    }

    /** A completed {@code function_call} output item; it joins the history, so a new session can take its output. */
    void onFunctionCall(ModelEvent.FunctionCall call) {
        String name = call.name();
        String callId = call.callId();
        String arguments = call.arguments();
        conversation.history.functionCall(callId, name, arguments);
        switch (services.agentTools().resolve(conversation.history.agent(), conversation.setup.channelName(), name)) {
            case AgentTools.Handoff handoff -> {
                conversation.handOff(handoff.target());
                answer(callId, "{\"assistant\":\"" + handoff.target().name() + "\"}");
            }
            case AgentTools.McpTool tool -> callTool(tool, callId, arguments);
            case AgentTools.HumanTransfer transfer -> conversation.transferToHuman.requested(callId, transfer, arguments);
            case AgentTools.Unknown unknown -> answer(callId, "Error: there is no function named '" + unknown.name()
                    + "' for you; use only the tools you were given.");
        }
    }

    private void callTool(AgentTools.McpTool tool, String callId, String arguments) {
        if (tool.schema() == null) {
            answer(callId, ToolOutcome.error("the " + tool.reference().server() + " service is unavailable right now;"
                    + " apologise and offer to help with something else").forModel());
            return;
        }
        Optional<String> problem = ArgumentsCheck.problem(tool.schema(), arguments);
        if (problem.isPresent()) {
            services.metrics().toolCall(tool.reference().tool(), "bad_arguments");
            answer(callId, ToolOutcome.error(problem.get()).forModel());
            return;
        }
        Clock clock = services.clock();
        long started = clock.millis();
        long holdingTimer = loop.schedule(services.tools().tools().holdingDelay(),
                () -> conversation.requestResponse(ClientEvents.outOfBandResponse(HOLDING_LINE)));
        conversation.toGateway(new SessionMessage.ToolActivity(tool.reference().tool(), "started"));
        Span span = conversation.telemetry.toolCall(tool.reference().tool(), tool.reference().server());
        running.add(callId);
        services.mcp().call(tool.reference(), arguments).onComplete(result -> loop.execute(() ->
                answered(tool, callId, started, holdingTimer, span, result.succeeded() ? result.result()
                        : ToolOutcome.error("the tool failed: " + result.cause().getMessage()))));
    }

    private void answered(AgentTools.McpTool tool, String callId, long started, long holdingTimer, Span span,
            ToolOutcome outcome) {
        loop.cancel(holdingTimer);
        running.remove(callId);
        long took = services.clock().millis() - started;
        services.metrics().toolCall(tool.reference().tool(), outcome.isError() ? "error" : "ok");
        services.metrics().toolLatency(took * 1_000_000);
        LOG.infof("conversation %s: tool %s %s in %d ms", conversation.id(), tool.reference().tool(),
                outcome.isError() ? "failed" : "answered", took);
        conversation.toGateway(new SessionMessage.ToolActivity(tool.reference().tool(),
                outcome.isError() ? "error" : "ok"));
        if (outcome.isError()) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
        answer(callId, outcome.forModel());
    }

    /** The call's output, then a new response, in which the model acts on it. */
    void answer(String callId, String output) {
        if (output(callId, output)) {
            conversation.requestResponse(ClientEvents.responseCreate());
        }
    }

    /** The call's output joins the conversation (and its checkpoint); false when the conversation has ended. */
    boolean output(String callId, String output) {
        if (conversation.isEnded()) {
            return false;
        }
        conversation.history.functionOutput(callId, output);
        conversation.sendUpstream(ClientEvents.functionCallOutput(callId, output));
        conversation.checkpoint();
        return true;
    }
}
