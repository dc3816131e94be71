package dev.voiceagent.core.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads server events into {@link ModelEvent}s. Audio deltas, fifty a second per call, are read field by field
 * without a JSON tree; other events are read as a tree once their type says they matter.
 */
public final class ServerEventParser {

    static final String AUDIO_DELTA = "response.output_audio.delta";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private ServerEventParser() {
    }

    /** @throws IOException when the text is not a JSON object with a {@code type}; its message is one line */
    public static ModelEvent parse(String text) throws IOException {
        try {
            return read(text);
        } catch (JsonProcessingException e) {
            throw new IOException(e.getOriginalMessage()); // without Jackson's second line (the source location)
        }
    }

    private static ModelEvent read(String text) throws IOException {
        String type = null;
        String itemId = null;
        String responseId = null;
        String delta = null;
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("server event is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    parser.skipChildren();
                    continue;
                }
                switch (field) {
                    case "type" -> type = parser.getText();
                    case "item_id" -> itemId = parser.getText();
                    case "response_id" -> responseId = parser.getText();
                    case "delta" -> delta = parser.getText();
                    default -> {
                    }
                }
            }
        }
        if (type == null) {
            throw new IOException("server event without type");
        }
        return switch (type) {
            case AUDIO_DELTA -> new ModelEvent.AudioDelta(itemId, responseId, delta);
            case "session.created" -> new ModelEvent.SessionCreated();
            case "session.updated" -> new ModelEvent.SessionUpdated();
            case "input_audio_buffer.speech_started" -> new ModelEvent.SpeechStarted(itemId);
            case "input_audio_buffer.speech_stopped" -> new ModelEvent.SpeechStopped(itemId);
            case "response.output_audio.done" -> new ModelEvent.AudioDone(itemId, responseId);
            case "response.output_audio_transcript.delta" -> new ModelEvent.AssistantTranscriptDelta(itemId, delta);
            case "response.output_audio_transcript.done" ->
                new ModelEvent.AssistantTranscriptDone(itemId, text(MAPPER.readTree(text), "transcript"));
            case "conversation.item.input_audio_transcription.completed" ->
                new ModelEvent.UserTranscript(itemId, text(MAPPER.readTree(text), "transcript"));
            case "response.created" -> new ModelEvent.ResponseCreated(
                    MAPPER.readTree(text).path("response").path("id").asText());
            case "response.done" -> {
                JsonNode response = MAPPER.readTree(text).path("response");
                yield new ModelEvent.ResponseDone(response.path("id").asText(), response.path("status").asText(),
                        response);
            }
            case "response.output_item.done" -> functionCall(MAPPER.readTree(text).path("item"), type);
            case "error" -> {
                JsonNode error = MAPPER.readTree(text).path("error");
                yield new ModelEvent.Error(error.path("type").asText("unknown"), error.path("code").asText(""),
                        error.path("message").asText(""));
            }
            default -> new ModelEvent.Other(type);
        };
    }

    private static ModelEvent functionCall(JsonNode item, String type) {
        if (!"function_call".equals(item.path("type").asText())) {
            return new ModelEvent.Other(type);
        }
        return new ModelEvent.FunctionCall(item.path("call_id").asText(), item.path("name").asText(),
                item.path("arguments").asText("{}"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
