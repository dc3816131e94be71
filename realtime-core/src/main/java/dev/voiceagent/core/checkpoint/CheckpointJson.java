package dev.voiceagent.core.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one form checkpoints are stored in, whatever the store. */
final class CheckpointJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CheckpointJson() {
    }

    static String write(Checkpoint checkpoint) {
        try {
            return JSON.writeValueAsString(checkpoint);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("checkpoint cannot be written", e);
        }
    }

    static Checkpoint read(String json) {
        try {
            return JSON.readValue(json, Checkpoint.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored checkpoint cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
