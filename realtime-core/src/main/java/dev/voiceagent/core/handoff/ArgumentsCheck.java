package dev.voiceagent.core.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a function call's arguments against the tool's JSON schema before the tool is called, so a model's
 * slip becomes an explanation it can act on (which argument is missing or of the wrong type) instead of a
 * failed call.
 */
public final class ArgumentsCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArgumentsCheck() {
    }

    /** What is wrong with the arguments, in words for the model; empty when they fit the schema. */
    public static Optional<String> problem(JsonNode schema, String argumentsJson) {
        JsonNode arguments;
        try {
            arguments = JSON.readTree(argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson);
        } catch (Exception e) {
            return Optional.of("the arguments are not valid JSON; call the tool again with a JSON object");
        }
        if (!arguments.isObject()) {
            return Optional.of("the arguments must be a JSON object");
        }
        if (schema == null) {
            return Optional.empty();
        }
        for (JsonNode required : schema.path("required")) {
            JsonNode value = arguments.get(required.asText());
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                return Optional.of("'" + required.asText() + "' is required; ask the caller for it");
            }
        }
        JsonNode properties = schema.path("properties");
        Iterator<Map.Entry<String, JsonNode>> fields = arguments.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode property = properties.get(field.getKey());
            if (property == null) {
                if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
                    return Optional.of("'" + field.getKey() + "' is not an argument of this tool");
                }
                continue;
            }
            String type = property.path("type").asText("");
            if (!fits(type, field.getValue())) {
                return Optional.of("'" + field.getKey() + "' must be of type " + type);
            }
        }
        return Optional.empty();
    }

    private static boolean fits(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }
}
