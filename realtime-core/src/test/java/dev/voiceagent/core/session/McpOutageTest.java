package dev.voiceagent.core.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.mcp.FakeMcpServer;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * mcp-tools killed mid-call: the model's next tool call gets an output it can relay ("the booking system is not
 * answering"), the call goes on, health and the gauge show the server down at once, and up again when it is back.
 */
@QuarkusTest
@TestProfile(McpOutageTest.Profile.class)
@QuarkusTestResource(FakeOpenAiResource.class)
class McpOutageTest {

    /** Its own application instance: this test stops the MCP server the others share. */
    public static class Profile implements QuarkusTestProfile {
    }

    @TestHTTPResource("/")
    URI core;

    @Inject
    Vertx vertx;

    @Test
    void aToolCallWhileTheServiceIsDownGetsAnErrorAndTheCallGoesOn() throws Exception {
        FakeOpenAiResource.fake.sessionOptions(FakeRealtimeSession.Options.defaults().withoutAutomaticResponses());
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-outage", null).awaitReady()) {
            FakeRealtimeSession session = FakeOpenAiResource.fake.session(0);
            session.functionCall("transfer_to_hotel_booking", "{}");
            await().until(() -> session.received("session.update").size() == 2);
            assertThat(mcpHealth()).isEqualTo("reachable");
            int port = FakeOpenAiResource.mcp.url().getPort();
            FakeOpenAiResource.mcp.close();

            String output = toolOutput(session, session.functionCall("search-hotel", ARGUMENTS));
            assertThat(output).startsWith("Error: the booking system is not answering right now").doesNotContain("null");
            assertThat(gateway.isClosed()).isFalse();
            assertThat(mcpHealth()).as("down from the first failed call").isEqualTo("unreachable");
            assertThat(mcpUpGauge()).isZero();

            FakeOpenAiResource.mcp = FakeMcpServer.start(vertx, port).tool("search-hotel",
                    List.of("city", "checkIn", "checkOut"), List.of("guests:integer"), Duration.ZERO,
                    args -> new FakeMcpServer.Answer("[{\"hotelId\":\"H1\",\"name\":\"Harbour Inn\"}]", false));
            await().atMost(Duration.ofSeconds(10)).until(() -> mcpHealth().equals("reachable"));
            assertThat(mcpUpGauge()).isEqualTo(1);
            assertThat(toolOutput(session, session.functionCall("search-hotel", ARGUMENTS))).contains("Harbour Inn");
            assertThat(gateway.isClosed()).isFalse();
            assertThat(session.violations()).isEmpty();
        }
    }

    private static final String ARGUMENTS = "{\"city\":\"Toronto\",\"checkIn\":\"2026-12-01\",\"checkOut\":\"2026-12-03\"}";

    private static String toolOutput(FakeRealtimeSession session, String callId) {
        return await().until(() -> session.received("conversation.item.create").stream()
                .filter(event -> event.path("item").path("call_id").asText().equals(callId))
                .map(event -> event.path("item").path("output").asText()).findFirst().orElse(null), o -> o != null);
    }

    private static String mcpHealth() {
        return given().when().get("/q/health/ready").then().extract().path("checks.find { it.name == 'mcp-servers' }.data.booking");
    }

    private static double mcpUpGauge() {
        String metrics = given().when().get("/q/metrics").then().extract().asString();
        Matcher sample = Pattern.compile("(?m)^voice_core_mcp_server_up\\{server=\"booking\"} ([0-9.]+)$").matcher(metrics);
        assertThat(sample.find()).as("the gauge is published").isTrue();
        return Double.parseDouble(sample.group(1));
    }
}
