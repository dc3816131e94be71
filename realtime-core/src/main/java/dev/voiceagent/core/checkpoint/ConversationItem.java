package dev.voiceagent.core.checkpoint;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One item of a conversation as a new model session is told it: audio cannot be replayed, so turns are text, and
 * function calls keep their outputs.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ConversationItem.UserMessage.class, name = "user"),
        @JsonSubTypes.Type(value = ConversationItem.AssistantMessage.class, name = "assistant"),
        @JsonSubTypes.Type(value = ConversationItem.FunctionCall.class, name = "function_call"),
        @JsonSubTypes.Type(value = ConversationItem.FunctionOutput.class, name = "function_output") })
public sealed interface ConversationItem {

    record UserMessage(String text) implements ConversationItem {
    }

    record AssistantMessage(String text) implements ConversationItem {
    }

    record FunctionCall(String callId, String name, String arguments) implements ConversationItem {
    }

    record FunctionOutput(String callId, String output) implements ConversationItem {
    }
}
