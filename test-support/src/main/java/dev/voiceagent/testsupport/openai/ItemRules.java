package dev.voiceagent.testsupport.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the GA API accepts in {@code conversation.item.create}: messages whose content parts fit their role (system:
 * {@code input_text}; user: {@code input_text}, {@code input_audio}, {@code input_image}; assistant:
 * {@code output_text}, {@code output_audio}), function calls, and function call outputs for a call the conversation
 * has (the server checks that a {@code function_call} item with the same id exists).
 */
final class ItemRules {

    private static final Map<String, List<String>> PARTS_BY_ROLE = Map.of(
            "system", List.of("input_text"),
            "user", List.of("input_text", "input_audio", "input_image"),
            "assistant", List.of("output_text", "output_audio"));

    private ItemRules() {
    }

    /** The problem with this item, if any, as (code, message). */
    static Optional<Map.Entry<String, String>> problem(JsonNode item, Set<String> knownCallIds) {
        String type = item.path("type").asText("");
        switch (type) {
            case "message" -> {
                String role = item.path("role").asText();
                List<String> parts = PARTS_BY_ROLE.get(role);
                if (parts == null) {
                    return problem("invalid_value", "Invalid value: '" + role + "' for 'item.role'.");
                }
                if (!item.path("content").isArray() || item.path("content").isEmpty()) {
                    return problem("missing_required_parameter", "Missing required parameter: 'item.content'.");
                }
                for (JsonNode part : item.path("content")) {
                    String partType = part.path("type").asText();
                    if (!parts.contains(partType)) {
                        return problem("invalid_value", "Invalid value: '" + partType + "'. Supported values for "
                                + role + " messages are: " + parts + ".");
                    }
                }
                return Optional.empty();
            }
            case "function_call" -> {
                return item.hasNonNull("call_id") && item.hasNonNull("name") && item.path("arguments").isTextual()
                        ? Optional.empty()
                        : problem("missing_required_parameter", "A function_call item needs call_id, name and arguments.");
            }
            case "function_call_output" -> {
                if (!item.hasNonNull("call_id") || !item.path("output").isTextual()) {
                    return problem("missing_required_parameter", "A function_call_output needs call_id and output.");
                }
                return knownCallIds.contains(item.path("call_id").asText())
                        ? Optional.empty()
                        : problem("invalid_value", "No function call with call_id '" + item.path("call_id").asText()
                                + "' found in the conversation.");
            }
            default -> {
                return problem("invalid_value", "Invalid conversation item of type '" + type + "'.");
            }
        }
    }

    private static Optional<Map.Entry<String, String>> problem(String code, String message) {
        return Optional.of(Map.entry(code, message));
    }
}
