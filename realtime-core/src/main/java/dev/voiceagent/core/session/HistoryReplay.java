package dev.voiceagent.core.session;

import dev.voiceagent.core.checkpoint.ConversationItem;
import dev.voiceagent.core.openai.ClientEvents;
import java.util.function.Consumer;

/** Re-creates the conversation so far in a new upstream session, as {@code conversation.item.create} events. */
final class HistoryReplay {

    private HistoryReplay() {
    }

    static void replay(ConversationHistory history, Consumer<String> upstream) {
        for (ConversationItem item : history.items()) {
            upstream.accept(switch (item) {
                case ConversationItem.UserMessage user -> ClientEvents.userMessage(user.text());
                case ConversationItem.AssistantMessage assistant -> ClientEvents.assistantMessage(assistant.text());
                case ConversationItem.FunctionCall call ->
                    ClientEvents.functionCall(call.callId(), call.name(), call.arguments());
                case ConversationItem.FunctionOutput output ->
                    ClientEvents.functionCallOutput(output.callId(), output.output());
            });
        }
    }
}
