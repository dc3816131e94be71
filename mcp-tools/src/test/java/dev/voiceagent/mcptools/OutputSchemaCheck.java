package dev.voiceagent.mcptools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Checks a value against the part of JSON Schema the tools' output schemas use (type, properties, required, items,
 * and anyOf for a value that may be null). A keyword outside that part is itself a violation, so a schema the check does not understand
 * fails instead of passing unchecked. The Node tests validate the same results with the official clients' Ajv.
 */
final class OutputSchemaCheck {

    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "items", "anyOf", "description");

    private OutputSchemaCheck() {
    }

    static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> found = new ArrayList<>();
        check(schema, value, "$", found);
        return found;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> found) {
        schema.fieldNames().forEachRemaining(keyword -> {
            if (!KEYWORDS.contains(keyword)) {
                found.add(path + ": schema keyword '" + keyword + "' is not checked here");
            }
        });
        if (schema.has("anyOf")) {
            if (StreamSupport.stream(schema.path("anyOf").spliterator(), false)
                    .noneMatch(branch -> violations(branch, value).isEmpty())) {
                found.add(path + ": " + value + " matches no branch of " + schema.path("anyOf"));
            }
            return;
        }
        String type = schema.path("type").asText();
        if (!is(type, value)) {
            found.add(path + ": " + value + " is not of type '" + type + "'");
            return;
        }
        if (value.isObject()) {
            schema.path("required").forEach(name -> {
                if (!value.has(name.asText())) {
                    found.add(path + ": required '" + name.asText() + "' is missing");
                }
            });
            schema.path("properties").fields().forEachRemaining(property -> {
                if (value.has(property.getKey())) {
                    check(property.getValue(), value.get(property.getKey()), path + "." + property.getKey(), found);
                }
            });
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.path("items"), value.get(i), path + "[" + i + "]", found);
            }
        }
    }

    private static boolean is(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
