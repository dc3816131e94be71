package dev.voiceagent.mcptools;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Just enough of an MCP client over Streamable HTTP to drive tools from a test. */
final class McpTestClient {

    /** A token the test profile accepts (mcp-auth.tokens). */
    static final String TOKEN = "mcp-tools-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI url;
    private final String token;
    private final AtomicInteger ids = new AtomicInteger();
    private final String session;

    McpTestClient(URI url) {
        this(url, TOKEN);
    }

    McpTestClient(URI url, String token) {
        this.url = url;
        this.token = token;
        Response init = post(null, Map.of("jsonrpc", "2.0", "id", ids.incrementAndGet(), "method", "initialize",
                "params", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "test", "version", "1"))));
        this.session = init.header("Mcp-Session-Id");
        post(session, Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
    }

    /** The tool's result: {@code content}, {@code structuredContent} and {@code isError}. */
    JsonNode call(String tool, Map<String, Object> arguments) {
        Response response = post(session, Map.of("jsonrpc", "2.0", "id", ids.incrementAndGet(), "method", "tools/call",
                "params", Map.of("name", tool, "arguments", arguments)));
        try {
            return JSON.readTree(response.asString()).path("result");
        } catch (Exception e) {
            throw new IllegalStateException(response.asString(), e);
        }
    }

    JsonNode listTools() {
        Response response = post(session, Map.of("jsonrpc", "2.0", "id", ids.incrementAndGet(), "method", "tools/list"));
        try {
            return JSON.readTree(response.asString()).path("result").path("tools");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(JsonNode result) {
        return result.path("content").get(0).path("text").asText();
    }

    private Response post(String sessionId, Map<String, Object> body) {
        var request = given().baseUri(url.toString()).contentType("application/json")
                .accept("application/json, text/event-stream").header("Authorization", "Bearer " + token).body(body);
        if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId);
        }
        return request.post();
    }
}
