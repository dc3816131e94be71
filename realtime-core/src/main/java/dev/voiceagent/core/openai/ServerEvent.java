package dev.voiceagent.core.openai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One server event. Audio deltas, the bulk of the traffic, are read field by field and carry no tree; every
 * other event keeps its parsed JSON in {@code json} for the handler to read what it needs.
 *
 * @param delta base64 audio of a {@code response.output_audio.delta}, or text of a transcript delta
 * @param json the whole event, or null for audio deltas
 */
public record ServerEvent(String type, String itemId, String responseId, String delta, JsonNode json) {

    public static final String AUDIO_DELTA = "response.output_audio.delta";

    public boolean isAudioDelta() {
        return AUDIO_DELTA.equals(type);
    }

    /** A text field of the event, or null. */
    public String text(String field) {
        JsonNode node = json == null ? null : json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
