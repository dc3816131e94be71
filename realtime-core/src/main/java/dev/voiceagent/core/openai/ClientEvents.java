package dev.voiceagent.core.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Client events of the OpenAI Realtime GA protocol, as the JSON text sent on the websocket. The audio append is
 * written by hand because it runs fifty times a second per call and its payload is already base64.
 */
public final class ClientEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClientEvents() {
    }

    /** {@code input_audio_buffer.append} around audio that is already base64 text; the audio is not decoded. */
    public static String appendAudio(String base64Audio) {
        return "{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + base64Audio + "\"}";
    }

    public static String sessionUpdate(ObjectNode session) {
        return event("session.update").set("session", session).toString();
    }

    public static String responseCreate() {
        return event("response.create").toString();
    }

    /**
     * A response outside the conversation ({@code conversation: none}): the model speaks these instructions without
     * them becoming part of what it remembers, e.g. a holding line while a tool runs.
     */
    public static String outOfBandResponse(String instructions) {
        ObjectNode event = event("response.create");
        ObjectNode response = event.putObject("response").put("conversation", "none").put("instructions", instructions);
        response.putArray("output_modalities").add("audio");
        response.putArray("input");
        return event.toString();
    }

    /** The result of a function call, as the model reads it. */
    public static String functionCallOutput(String callId, String output) {
        ObjectNode event = event("conversation.item.create");
        event.putObject("item").put("type", "function_call_output").put("call_id", callId).put("output", output);
        return event.toString();
    }

    public static String responseCancel() {
        return event("response.cancel").toString();
    }

    public static String truncate(String itemId, long audioEndMs) {
        return event("conversation.item.truncate")
                .put("item_id", itemId)
                .put("content_index", 0)
                .put("audio_end_ms", audioEndMs)
                .toString();
    }

    /** A system message in the conversation: context for the model that nobody said aloud. */
    public static String systemNote(String text) {
        return message("system", "input_text", text);
    }

    private static String message(String role, String partType, String text) {
        ObjectNode event = event("conversation.item.create");
        ObjectNode item = event.putObject("item").put("type", "message").put("role", role);
        item.putArray("content").addObject().put("type", partType).put("text", text);
        return event.toString();
    }

    /** What the caller said, re-created as text in a new session ({@code input_text}: a user message's text part). */
    public static String userMessage(String text) {
        return message("user", "input_text", text);
    }

    /** What the assistant said, re-created as text ({@code output_text}: the API takes no assistant audio). */
    public static String assistantMessage(String text) {
        return message("assistant", "output_text", text);
    }

    /** A function call the model made in an earlier session, so its output can follow it. */
    public static String functionCall(String callId, String name, String arguments) {
        ObjectNode event = event("conversation.item.create");
        event.putObject("item").put("type", "function_call").put("call_id", callId).put("name", name)
                .put("arguments", arguments);
        return event.toString();
    }

    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    private static ObjectNode event(String type) {
        return MAPPER.createObjectNode().put("type", type);
    }
}
