package dev.voiceagent.core.session;

import dev.voiceagent.agents.Agent;
import dev.voiceagent.core.checkpoint.Checkpoint;
import dev.voiceagent.core.checkpoint.ConversationItem;
import java.util.ArrayDeque;
import java.util.List;

/**
 * What a new upstream session must be told to continue the conversation: the current agent, what the booking
 * system knows of the caller, whether the turns before this core were lost with the checkpoint, and the turns so far
 * as text (audio cannot be replayed into a new session) with the function calls and their outputs. Bounded: the
 * oldest turns go first. Confined to the conversation's loop.
 */
final class ConversationHistory {

    private final ArrayDeque<ConversationItem> items = new ArrayDeque<>();
    private final int maxItems;
    private Agent agent;
    private String callerContext;
    private boolean earlierPartLost;

    ConversationHistory(Agent agent, int maxItems) {
        this.agent = agent;
        this.maxItems = maxItems;
    }

    Agent agent() {
        return agent;
    }

    void agent(Agent current) {
        this.agent = current;
    }

    /** What the booking system knows of the caller, or null. */
    String callerContext() {
        return callerContext;
    }

    void callerContext(String context) {
        this.callerContext = context;
    }

    /** The conversation moved here without its checkpoint: the model must know that it missed what was said. */
    void earlierPartLost() {
        earlierPartLost = true;
    }

    boolean isEarlierPartLost() {
        return earlierPartLost;
    }

    void user(String text) {
        if (text != null && !text.isBlank()) {
            add(new ConversationItem.UserMessage(text));
        }
    }

    void assistant(String text) {
        if (text != null && !text.isBlank()) {
            add(new ConversationItem.AssistantMessage(text));
        }
    }

    void functionCall(String callId, String name, String arguments) {
        add(new ConversationItem.FunctionCall(callId, name, arguments));
    }

    void functionOutput(String callId, String output) {
        add(new ConversationItem.FunctionOutput(callId, output));
    }

    List<ConversationItem> items() {
        return List.copyOf(items);
    }

    Checkpoint checkpoint(String conversationId) {
        return new Checkpoint(conversationId, agent.name(), callerContext, items());
    }

    /** Takes over a checkpoint's caller context and items (its agent is resolved by the caller). */
    void restore(Checkpoint checkpoint, Agent restoredAgent) {
        agent = restoredAgent;
        callerContext = checkpoint.callerContext();
        checkpoint.items().forEach(this::add);
    }

    /** Function calls with no output: they were running when the conversation moved. */
    List<ConversationItem.FunctionCall> unansweredCalls() {
        return items.stream().filter(ConversationItem.FunctionCall.class::isInstance)
                .map(ConversationItem.FunctionCall.class::cast)
                .filter(call -> items.stream().noneMatch(item -> item instanceof ConversationItem.FunctionOutput output
                        && output.callId().equals(call.callId())))
                .toList();
    }

    private void add(ConversationItem item) {
        items.add(item);
        while (items.size() > maxItems) {
            ConversationItem dropped = items.poll();
            // An output without its call would be refused upstream: they leave together.
            if (dropped instanceof ConversationItem.FunctionCall call
                    && items.peek() instanceof ConversationItem.FunctionOutput output
                    && output.callId().equals(call.callId())) {
                items.poll();
            }
        }
    }
}
