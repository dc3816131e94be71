package dev.voiceagent.testsupport.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the GA API accepts as the values of {@code session.audio}: turn detection (server or semantic VAD, each with
 * its own fields), transcription, noise reduction, voice and speed (openai-node {@code RealtimeAudioConfigInput},
 * {@code RealtimeAudioInputTurnDetection}, {@code AudioTranscription}, {@code RealtimeAudioConfigOutput}). A field
 * of the other VAD type, a value out of range or of the wrong type is refused, as the API does.
 */
final class AudioSettingsRules {

    static final List<String> VOICES = List.of("alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer",
            "verse", "marin", "cedar");
    private static final List<String> SERVER_VAD_FIELDS = List.of("type", "threshold", "prefix_padding_ms",
            "silence_duration_ms", "create_response", "interrupt_response", "idle_timeout_ms");
    private static final List<String> SEMANTIC_VAD_FIELDS = List.of("type", "eagerness", "create_response",
            "interrupt_response");
    private static final List<String> EAGERNESS = List.of("low", "medium", "high", "auto");
    private static final List<String> TRANSCRIPTION_FIELDS = List.of("model", "language", "prompt");
    private static final List<String> NOISE_REDUCTION = List.of("near_field", "far_field");

    private AudioSettingsRules() {
    }

    /** The problem with {@code session.audio}'s settings, if any, as (code, message). */
    static Optional<Map.Entry<String, String>> problem(JsonNode audio) {
        JsonNode input = audio.path("input");
        JsonNode output = audio.path("output");
        return turnDetection(input.path("turn_detection"))
                .or(() -> transcription(input.path("transcription")))
                .or(() -> noiseReduction(input.path("noise_reduction")))
                .or(() -> voice(output.path("voice")))
                .or(() -> number(output.path("speed"), "session.audio.output.speed", 0.25, 1.5));
    }

    private static Optional<Map.Entry<String, String>> turnDetection(JsonNode vad) {
        if (vad.isMissingNode() || vad.isNull()) {
            return Optional.empty();
        }
        String path = "session.audio.input.turn_detection";
        String type = vad.path("type").asText();
        List<String> fields = switch (type) {
            case "server_vad" -> SERVER_VAD_FIELDS;
            case "semantic_vad" -> SEMANTIC_VAD_FIELDS;
            default -> null;
        };
        if (fields == null) {
            return invalidValue(path + ".type", type, List.of("server_vad", "semantic_vad"));
        }
        return unknownField(vad, fields, path)
                .or(() -> number(vad.path("threshold"), path + ".threshold", 0, 1))
                .or(() -> milliseconds(vad.path("prefix_padding_ms"), path + ".prefix_padding_ms"))
                .or(() -> milliseconds(vad.path("silence_duration_ms"), path + ".silence_duration_ms"))
                .or(() -> vad.path("idle_timeout_ms").isNull() ? Optional.empty()
                        : milliseconds(vad.path("idle_timeout_ms"), path + ".idle_timeout_ms"))
                .or(() -> bool(vad.path("create_response"), path + ".create_response"))
                .or(() -> bool(vad.path("interrupt_response"), path + ".interrupt_response"))
                .or(() -> oneOf(vad.path("eagerness"), path + ".eagerness", EAGERNESS));
    }

    private static Optional<Map.Entry<String, String>> transcription(JsonNode transcription) {
        if (transcription.isMissingNode() || transcription.isNull()) {
            return Optional.empty();
        }
        String path = "session.audio.input.transcription";
        Optional<Map.Entry<String, String>> unknown = unknownField(transcription, TRANSCRIPTION_FIELDS, path);
        if (unknown.isPresent()) {
            return unknown;
        }
        for (String field : TRANSCRIPTION_FIELDS) {
            JsonNode value = transcription.path(field);
            if (!value.isMissingNode() && !value.isTextual()) {
                return invalidType(path + "." + field, "a string");
            }
        }
        return Optional.empty();
    }

    private static Optional<Map.Entry<String, String>> noiseReduction(JsonNode noise) {
        if (noise.isMissingNode() || noise.isNull()) {
            return Optional.empty();
        }
        String path = "session.audio.input.noise_reduction";
        return unknownField(noise, List.of("type"), path).or(() -> oneOf(noise.path("type"), path + ".type",
                NOISE_REDUCTION));
    }

    private static Optional<Map.Entry<String, String>> voice(JsonNode voice) {
        return oneOf(voice, "session.audio.output.voice", VOICES);
    }

    private static Optional<Map.Entry<String, String>> number(JsonNode value, String path, double min, double max) {
        if (value.isMissingNode()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            return invalidType(path, "a number");
        }
        String kind = value.isIntegralNumber() ? "integer" : "decimal";
        if (value.asDouble() < min) {
            return Optional.of(Map.entry(kind + "_below_min_value", "Invalid '" + path + "': " + kind
                    + " below minimum value. Expected a value >= " + min + ", but got " + value + " instead."));
        }
        if (value.asDouble() > max) {
            return Optional.of(Map.entry(kind + "_above_max_value", "Invalid '" + path + "': " + kind
                    + " above maximum value. Expected a value <= " + max + ", but got " + value + " instead."));
        }
        return Optional.empty();
    }

    private static Optional<Map.Entry<String, String>> milliseconds(JsonNode value, String path) {
        if (!value.isMissingNode() && value.isNumber() && !value.isIntegralNumber()) {
            return invalidType(path, "an integer");
        }
        return number(value, path, 0, Integer.MAX_VALUE);
    }

    private static Optional<Map.Entry<String, String>> bool(JsonNode value, String path) {
        return value.isMissingNode() || value.isBoolean() ? Optional.empty() : invalidType(path, "a boolean");
    }

    private static Optional<Map.Entry<String, String>> oneOf(JsonNode value, String path, List<String> allowed) {
        if (value.isMissingNode()) {
            return Optional.empty();
        }
        return value.isTextual() && allowed.contains(value.asText()) ? Optional.empty()
                : invalidValue(path, value.asText(), allowed);
    }

    private static Optional<Map.Entry<String, String>> unknownField(JsonNode object, List<String> allowed,
            String path) {
        return SessionUpdateRules.unknownField(object, allowed, path)
                .map(field -> Map.entry("unknown_parameter", "Unknown parameter: '" + field + "'."));
    }

    private static Optional<Map.Entry<String, String>> invalidValue(String path, String value, List<String> allowed) {
        return Optional.of(Map.entry("invalid_value", "Invalid value: '" + value + "'. Supported values are: "
                + String.join(", ", allowed) + " (" + path + ")."));
    }

    private static Optional<Map.Entry<String, String>> invalidType(String path, String expected) {
        return Optional.of(Map.entry("invalid_type", "Invalid type for '" + path + "': expected " + expected + "."));
    }
}
