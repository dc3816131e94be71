package dev.voiceagent.mcptools;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The service as an MCP client written by others sees it: the official TypeScript SDK, driven by
 * {@code src/test/node/conformance.mjs}, over Streamable HTTP; without a token or with a wrong one it gets no further
 * than a 401.
 */
@QuarkusTest
class OfficialClientConformanceTest {

    private static final Path NODE_DIR = Path.of("src/test/node");

    @TestHTTPResource("/mcp")
    URI mcpUrl;

    @Test
    void theOfficialTypeScriptClientInitialisesListsAndCallsTools() throws Exception {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), 180).exitCode()).isZero();
        }
        Result result = run(List.of("node", "conformance.mjs", mcpUrl.toString(), McpTestClient.TOKEN), 60);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("conformance: 10 tools listed");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, String.join(" ", command) + " timed out");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
