package dev.voiceagent.core.session;

import dev.voiceagent.agents.Agent;
import java.util.ArrayDeque;
import java.util.List;

/**
 * What a new upstream session must be told to continue the conversation: the current agent, what the booking
 * system knows of the caller, and the turns so far as text (audio cannot be replayed into a new session) with the
 * function calls and their outputs. Bounded: the oldest turns go first. Confined to the conversation's loop.
 */
final class ConversationHistory {

    /** One conversation item as it will be re-created upstream. */
    sealed interface Item {
    }

    record UserMessage(String text) implements Item {
    }

    record AssistantMessage(String text) implements Item {
    }

    record FunctionCall(String callId, String name, String arguments) implements Item {
    }

    record FunctionOutput(String callId, String output) implements Item {
    }

    private final ArrayDeque<Item> items = new ArrayDeque<>();
    private final int maxItems;
    private Agent agent;
    private String callerContext;

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

    void user(String text) {
        if (text != null && !text.isBlank()) {
            add(new UserMessage(text));
        }
    }

    void assistant(String text) {
        if (text != null && !text.isBlank()) {
            add(new AssistantMessage(text));
        }
    }

    void functionCall(String callId, String name, String arguments) {
        add(new FunctionCall(callId, name, arguments));
    }

    void functionOutput(String callId, String output) {
        add(new FunctionOutput(callId, output));
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    /** Restores items (from a checkpoint), oldest first. */
    void restore(List<Item> restored) {
        restored.forEach(this::add);
    }

    private void add(Item item) {
        items.add(item);
        while (items.size() > maxItems) {
            Item dropped = items.poll();
            // An output without its call would be refused upstream: they leave together.
            if (dropped instanceof FunctionCall call && items.peek() instanceof FunctionOutput output
                    && output.callId().equals(call.callId())) {
                items.poll();
            }
        }
    }
}
