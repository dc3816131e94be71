package dev.voiceagent.mcptools;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service as an MCP client written by others sees it: the official TypeScript SDK, driven by
 * {@code src/test/node/conformance.mjs}, over Streamable HTTP; without a token or with a wrong one it gets no further
 * than a 401.
 */
@QuarkusTest
class OfficialClientConformanceTest {

    @TestHTTPResource("/mcp")
    URI mcpUrl;

    @Test
    void theOfficialTypeScriptClientInitialisesListsAndCallsTools() throws Exception {
        NodeClients.install();
        NodeClients.Run result = NodeClients.run(List.of("node", "conformance.mjs", mcpUrl.toString(),
                McpTestClient.TOKEN), Map.of(), 60);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).contains("conformance: 10 tools listed");
    }
}
