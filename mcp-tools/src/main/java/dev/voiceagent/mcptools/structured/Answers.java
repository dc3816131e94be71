package dev.voiceagent.mcptools.structured;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A tool's successful answer: its record as {@code structuredContent} and, beside it, one text block for clients
 * and models that read text (MCP 2025-06-18 asks for the JSON there). Written with the mapper that writes the
 * structured content on the wire, so the two agree.
 */
@Singleton
public class Answers {

    private final ObjectMapper json;

    public Answers(ObjectMapper json) {
        this.json = json;
    }

    /** The record as structured content, and its JSON as the text. */
    public ToolResponse of(Object result) {
        return of(result, json(result));
    }

    /** The record as structured content, and the given text. */
    public ToolResponse of(Object result, String text) {
        return new ToolResponse(false, List.of(new TextContent(text)), result, null);
    }

    public String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
