package dev.voiceagent.mcptools;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The tools on the zero-setup default: an embedded H2 file database. */
@QuarkusTest
class H2BookingToolsTest extends BookingToolsContract {

    @TestHTTPResource("/mcp/sse")
    URI legacySse;

    /** Older clients use the 2024-11-05 HTTP+SSE transport: its stream opens with the endpoint to post to. */
    @Test
    void theLegacySseTransportStaysAvailable() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(legacySse)
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + McpTestClient.TOKEN)
                .timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            String firstEvent = new String(body.readNBytes(64), StandardCharsets.UTF_8);
            assertThat(firstEvent).contains("event: endpoint").contains("/mcp/messages/");
        }
    }
}
