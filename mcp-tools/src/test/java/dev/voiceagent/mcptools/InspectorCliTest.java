package dev.voiceagent.mcptools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official MCP inspector's CLI ({@code npx @modelcontextprotocol/inspector --cli}, pinned in src/test/node)
 * against the running service over Streamable HTTP, with the bearer token as a header. It lints the listed schemas
 * for portability ({@code --strict}) and validates each structured result against its tool's outputSchema (Ajv),
 * failing the call when it does not conform. Exit codes are the CLI's: 0 fine, 3 authorisation needed, 5 tool error.
 */
@QuarkusTest
class InspectorCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/mcp")
    URI mcpUrl;

    @BeforeEach
    void install() throws Exception {
        NodeClients.install();
    }

    private NodeClients.Run inspector(String token, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("npx", "--no-install", "@modelcontextprotocol/inspector",
                "--cli", mcpUrl.toString(), "--transport", "http", "--stored-auth-only", "--format", "json"));
        if (token != null) {
            command.addAll(List.of("--header", "Authorization: Bearer " + token));
        }
        command.addAll(List.of(arguments));
        // Its catalogue and storage go under HOME: keep them in target/, out of the user's home.
        return NodeClients.run(command, Map.of("HOME", Path.of("target/inspector-home").toAbsolutePath().toString(),
                "NPM_CONFIG_UPDATE_NOTIFIER", "false"), 90);
    }

    private static JsonNode result(NodeClients.Run run) throws Exception {
        return JSON.readTree(run.stdout()).path("result");
    }

    private static JsonNode tool(JsonNode tools, String name) {
        return StreamSupport.stream(tools.spliterator(), false).filter(t -> t.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not listed: " + tools));
    }

    @Test
    void listsTheToolsWithTheirHintsAndPortableOutputSchemas() throws Exception {
        NodeClients.Run run = inspector(McpTestClient.TOKEN, "--method", "tools/list", "--strict");
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode envelope = JSON.readTree(run.stdout());
        assertThat(envelope.has("schemaFindings")).as("portability findings: " + envelope.path("schemaFindings"))
                .isFalse();
        JsonNode tools = envelope.path("result").path("tools");
        assertThat(tools).hasSize(10);
        tools.forEach(tool -> assertThat(tool.path("outputSchema").path("type").asText()).as(tool.path("name").asText())
                .isEqualTo("object"));
        assertThat(tool(tools, "search-hotel").path("annotations").path("readOnlyHint").asBoolean()).isTrue();
        JsonNode cancel = tool(tools, "cancel-booking").path("annotations");
        assertThat(cancel.path("destructiveHint").asBoolean()).isTrue();
        assertThat(cancel.path("readOnlyHint").asBoolean()).isFalse();
        assertThat(StreamSupport.stream(tool(tools, "get-booking").path("outputSchema").path("required").spliterator(),
                false).map(JsonNode::asText)).contains("reference", "status");
    }

    @Test
    void callsAToolAndGetsAConformingStructuredResultBesideItsText() throws Exception {
        NodeClients.Run run = inspector(McpTestClient.TOKEN, "--method", "tools/call", "--tool-name", "search-hotel",
                "--tool-arg", "city=Toronto", "checkIn=" + LocalDate.now().plusDays(10),
                "checkOut=" + LocalDate.now().plusDays(12));
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode result = result(run);
        assertThat(result.path("structuredContent").path("hotels").get(0).path("name").asText())
                .isEqualTo("Maple Leaf Lodge");
        assertThat(JSON.readTree(result.path("content").get(0).path("text").asText()))
                .isEqualTo(result.path("structuredContent").path("hotels"));

        NodeClients.Run caller = inspector(McpTestClient.TOKEN, "--method", "tools/call", "--tool-name",
                "get_phone_session", "--tool-arg", "phoneNumber=+16000000000");
        assertThat(caller.exitCode()).as(caller.output()).isZero();
        assertThat(result(caller).path("content").get(0).path("text").asText()).startsWith("no session");
        assertThat(result(caller).path("structuredContent").path("productName").isNull()).isTrue();
    }

    @Test
    void aToolErrorIsExitCodeFiveWithTheTextToRelay() throws Exception {
        NodeClients.Run run = inspector(McpTestClient.TOKEN, "--method", "tools/call", "--tool-name", "search-hotel",
                "--tool-arg", "city=Toronto", "checkIn=2020-01-01", "checkOut=2020-01-03");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(5);
        JsonNode result = result(run);
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.path("content").get(0).path("text").asText()).contains("in the past");
    }

    @Test
    void withoutTheTokenItGetsNoFurtherThanAuthorisation() throws Exception {
        for (String token : new String[] {null, "not-a-known-token"}) {
            NodeClients.Run run = inspector(token, "--method", "tools/list");
            assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
            assertThat(run.output()).contains("auth_required").doesNotContain("search-hotel");
        }
    }
}
