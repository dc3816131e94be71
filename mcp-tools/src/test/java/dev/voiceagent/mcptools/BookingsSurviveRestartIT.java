package dev.voiceagent.mcptools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A booking made before the service restarts is still there after it: the packaged services, on PostgreSQL (the
 * production build) and on the embedded H2 default.
 */
class BookingsSurviveRestartIT {

    @Test
    void onPostgresql() throws Exception {
        Path jar = QuarkusServiceProcess.runJarOf("mcp-tools").getParent().resolveSibling("postgresql")
                .resolve("quarkus-run.jar");
        survivesRestart(jar, Map.of("DB_URL", System.getProperty("test.postgres.url",
                "jdbc:postgresql://127.0.0.1:5432/test"), "DB_USER", "postgres", "MCP_AUTH_TOKENS", McpTestClient.TOKEN));
    }

    @Test
    void onTheEmbeddedDefault() throws Exception {
        Path database = Files.createDirectories(Path.of("target", "restart-db")).toAbsolutePath().resolve("mcp-tools");
        survivesRestart(QuarkusServiceProcess.runJarOf("mcp-tools"),
                Map.of("DB_URL", "jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE", "MCP_AUTH_TOKENS",
                        McpTestClient.TOKEN));
    }

    private static void survivesRestart(Path jar, Map<String, String> env) throws Exception {
        String reference;
        try (QuarkusServiceProcess first = QuarkusServiceProcess.start("mcp-tools-first", jar, Map.of(), env)) {
            JsonNode booked = new McpTestClient(first.baseUrl().resolve("/mcp")).call("book-hotel", Map.of(
                    "hotelId", "H-VAN-1", "checkIn", LocalDate.now().plusDays(30).toString(),
                    "checkOut", LocalDate.now().plusDays(32).toString(), "guests", 1, "guestName", "Kim Lee"));
            reference = new ObjectMapper().readTree(McpTestClient.text(booked)).path("reference").asText();
        }
        try (QuarkusServiceProcess second = QuarkusServiceProcess.start("mcp-tools-second", jar, Map.of(), env)) {
            JsonNode found = new McpTestClient(second.baseUrl().resolve("/mcp")).call("get-booking",
                    Map.of("reference", reference));
            assertThat(found.path("isError").asBoolean()).isFalse();
            assertThat(McpTestClient.text(found)).contains("Stanley Park Hotel").contains("Kim Lee");
        }
    }
}
