package dev.voiceagent.testsupport.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the GA API accepts in {@code session.update}, and how an update merges into the effective session. */
final class SessionUpdateRules {

    /**
     * The fields of the GA {@code RealtimeSessionCreateRequest} (API reference, client events, session.update):
     * anything else, a beta-era name like {@code input_audio_format} or a misspelling, is refused as the API does.
     */
    private static final List<String> SESSION_FIELDS = List.of("type", "model", "instructions", "output_modalities",
            "audio", "tools", "tool_choice", "max_output_tokens", "tracing", "truncation", "prompt", "include");
    private static final List<String> AUDIO_FIELDS = List.of("input", "output");
    private static final List<String> INPUT_FIELDS = List.of("format", "noise_reduction", "transcription",
            "turn_detection");
    private static final List<String> OUTPUT_FIELDS = List.of("format", "voice", "speed");
    private static final List<String> FORMATS = List.of("audio/pcm", "audio/pcmu", "audio/pcma");

    private SessionUpdateRules() {
    }

    /** The problem with this {@code session} object, if any, as (code, message). */
    static Optional<Map.Entry<String, String>> problem(JsonNode session, JsonNode effective, boolean audioExchanged,
            boolean audioProduced) {
        if (session == null || !session.isObject()) {
            return problem("missing_required_parameter", "Missing required parameter: 'session'.");
        }
        if (!"realtime".equals(session.path("type").asText())) {
            return problem("missing_required_parameter", "Missing required parameter: 'session.type'.");
        }
        Optional<String> unknown = unknownField(session, SESSION_FIELDS, "session")
                .or(() -> unknownField(session.path("audio"), AUDIO_FIELDS, "session.audio"))
                .or(() -> unknownField(session.path("audio").path("input"), INPUT_FIELDS, "session.audio.input"))
                .or(() -> unknownField(session.path("audio").path("output"), OUTPUT_FIELDS, "session.audio.output"));
        if (unknown.isPresent()) {
            return problem("unknown_parameter", "Unknown parameter: '" + unknown.get() + "'.");
        }
        Optional<Map.Entry<String, String>> setting = AudioSettingsRules.problem(session.path("audio"));
        if (setting.isPresent()) {
            return setting;
        }
        for (String direction : List.of("input", "output")) {
            JsonNode format = session.path("audio").path(direction).path("format");
            if (format.isMissingNode()) {
                continue;
            }
            String type = format.path("type").asText();
            if (!FORMATS.contains(type)) {
                return problem("invalid_value", "Invalid value: '" + type + "'. Supported values are: "
                        + FORMATS + ".");
            }
            if ("audio/pcm".equals(type) && format.has("rate") && format.path("rate").asInt() != 24000) {
                return problem("invalid_value", "Invalid 'session.audio." + direction
                        + ".format.rate': only 24000 is supported.");
            }
            if (audioExchanged && !type.equals(formatOf(effective, direction))) {
                return problem("invalid_value", "Cannot change the " + direction
                        + " audio format after audio has been exchanged.");
            }
        }
        JsonNode voice = session.path("audio").path("output").path("voice");
        if (audioProduced && !voice.isMissingNode()
                && !voice.asText().equals(effective.path("audio").path("output").path("voice").asText())) {
            return problem("cannot_update_voice", "Cannot update a conversation's voice if assistant audio is present.");
        }
        return Optional.empty();
    }

    static Optional<String> unknownField(JsonNode object, List<String> allowed, String path) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                return Optional.of(path + "." + name);
            }
        }
        return Optional.empty();
    }

    static String formatOf(JsonNode session, String direction) {
        return session.path("audio").path(direction).path("format").path("type").asText("audio/pcm");
    }

    /** Deep-merges the fields present in {@code update} into {@code effective}, as the API does. */
    static void merge(ObjectNode effective, JsonNode update) {
        Iterator<Map.Entry<String, JsonNode>> fields = update.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode current = effective.get(field.getKey());
            if (current instanceof ObjectNode target && field.getValue().isObject()
                    && !field.getKey().equals("format") && !field.getKey().equals("turn_detection")) {
                merge(target, field.getValue());
            } else {
                effective.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    private static Optional<Map.Entry<String, String>> problem(String code, String message) {
        return Optional.of(Map.entry(code, message));
    }
}
