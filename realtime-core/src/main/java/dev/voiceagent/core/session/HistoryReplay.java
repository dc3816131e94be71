package dev.voiceagent.core.session;

import dev.voiceagent.core.openai.ClientEvents;
import java.util.function.Consumer;

/** Re-creates the conversation so far in a new upstream session, as {@code conversation.item.create} events. */
final class HistoryReplay {

    private HistoryReplay() {
    }

    static void replay(ConversationHistory history, Consumer<String> upstream) {
        for (ConversationHistory.Item item : history.items()) {
            upstream.accept(switch (item) {
                case ConversationHistory.UserMessage user -> ClientEvents.userMessage(user.text());
                case ConversationHistory.AssistantMessage assistant -> ClientEvents.assistantMessage(assistant.text());
                case ConversationHistory.FunctionCall call ->
                    ClientEvents.functionCall(call.callId(), call.name(), call.arguments());
                case ConversationHistory.FunctionOutput output ->
                    ClientEvents.functionCallOutput(output.callId(), output.output());
            });
        }
    }
}
