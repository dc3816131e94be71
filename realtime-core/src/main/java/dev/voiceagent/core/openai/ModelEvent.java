package dev.voiceagent.core.openai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OpenAI Realtime GA server events the core acts on, as typed records. Everything else the API sends
 * (rate limits, item lifecycle, content parts) is {@link Other}: read, and ignored.
 */
public sealed interface ModelEvent {

    record SessionCreated() implements ModelEvent {
    }

    record SessionUpdated() implements ModelEvent {
    }

    record SpeechStarted(String itemId) implements ModelEvent {
    }

    record SpeechStopped(String itemId) implements ModelEvent {
    }

    record ResponseCreated(String responseId) implements ModelEvent {
    }

    /** @param response the whole {@code response} object (status, usage) */
    record ResponseDone(String responseId, String status, JsonNode response) implements ModelEvent {
    }

    /** A completed {@code function_call} output item ({@code response.output_item.done}). */
    record FunctionCall(String callId, String name, String arguments) implements ModelEvent {
    }

    /** Base64 audio, read without a JSON tree (the bulk of the traffic). */
    record AudioDelta(String itemId, String responseId, String delta) implements ModelEvent {
    }

    record AudioDone(String itemId, String responseId) implements ModelEvent {
    }

    record AssistantTranscriptDelta(String itemId, String delta) implements ModelEvent {
    }

    record AssistantTranscriptDone(String itemId, String transcript) implements ModelEvent {
    }

    record UserTranscript(String itemId, String transcript) implements ModelEvent {
    }

    record Error(String type, String code, String message) implements ModelEvent {
    }

    record Other(String type) implements ModelEvent {
    }
}
