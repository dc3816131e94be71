package dev.voiceagent.core.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;

/** The GA server events the loopback emits, shaped as the real API shapes them (so the core cannot tell). */
final class ServerEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong();

    private ServerEvents() {
    }

    /** A fresh id with the API's prefix style, e.g. {@code resp_loop_12}. */
    static String id(String prefix) {
        return prefix + "_loop_" + IDS.incrementAndGet();
    }

    static ObjectNode event(String type) {
        return JSON.createObjectNode().put("type", type).put("event_id", id("event"));
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static JsonNode parse(String text) throws java.io.IOException {
        return JSON.readTree(text);
    }

    static ObjectNode session(String type, JsonNode session) {
        ObjectNode event = event(type);
        event.set("session", session);
        return event;
    }

    static ObjectNode error(String code, String message) {
        ObjectNode event = event("error");
        event.putObject("error").put("type", "invalid_request_error").put("code", code).put("message", message);
        return event;
    }

    static ObjectNode speechStarted(long audioStartMs, String itemId) {
        return event("input_audio_buffer.speech_started").put("audio_start_ms", audioStartMs).put("item_id", itemId);
    }

    static ObjectNode speechStopped(long audioEndMs, String itemId) {
        return event("input_audio_buffer.speech_stopped").put("audio_end_ms", audioEndMs).put("item_id", itemId);
    }

    static ObjectNode committed(String previousItemId, String itemId) {
        return event("input_audio_buffer.committed").put("previous_item_id", previousItemId).put("item_id", itemId);
    }

    static ObjectNode inputTranscript(String itemId, String transcript) {
        return event("conversation.item.input_audio_transcription.completed")
                .put("item_id", itemId).put("content_index", 0).put("transcript", transcript);
    }

    static ObjectNode itemDone(String type, JsonNode item) {
        ObjectNode event = event(type);
        event.set("item", item);
        return event;
    }

    static ObjectNode truncated(String itemId, int contentIndex, long audioEndMs) {
        return event("conversation.item.truncated")
                .put("item_id", itemId).put("content_index", contentIndex).put("audio_end_ms", audioEndMs);
    }

    static ObjectNode response(String type, String responseId, String status, JsonNode output) {
        ObjectNode event = event(type);
        ObjectNode response = event.putObject("response")
                .put("object", "realtime.response").put("id", responseId).put("status", status);
        response.set("output", output == null ? JSON.createArrayNode() : JSON.createArrayNode().add(output));
        if ("cancelled".equals(status)) {
            response.putObject("status_details").put("type", "cancelled").put("reason", "turn_detected");
        }
        if (!"in_progress".equals(status)) {
            ObjectNode usage = response.putObject("usage")
                    .put("total_tokens", 0).put("input_tokens", 0).put("output_tokens", 0);
            usage.putObject("input_token_details").put("text_tokens", 0).put("audio_tokens", 0);
            usage.putObject("output_token_details").put("text_tokens", 0).put("audio_tokens", 0);
        }
        return event;
    }

    static ObjectNode outputItem(String type, String responseId, JsonNode item) {
        ObjectNode event = event(type).put("response_id", responseId).put("output_index", 0);
        event.set("item", item);
        return event;
    }

    /** Events about one content part of a response's output item (audio, transcript). */
    static ObjectNode part(String type, String responseId, String itemId) {
        return event(type).put("response_id", responseId).put("item_id", itemId)
                .put("output_index", 0).put("content_index", 0);
    }

    static ObjectNode assistantMessage(String itemId, String status, String transcript) {
        ObjectNode item = object().put("id", itemId).put("object", "realtime.item").put("type", "message")
                .put("status", status).put("role", "assistant");
        if (transcript != null) {
            item.putArray("content").addObject().put("type", "output_audio").put("transcript", transcript);
        } else {
            item.putArray("content");
        }
        return item;
    }

    static ObjectNode functionCall(String itemId, String status, String name, String callId, String arguments) {
        return object().put("id", itemId).put("object", "realtime.item").put("type", "function_call")
                .put("status", status).put("name", name).put("call_id", callId).put("arguments", arguments);
    }
}
