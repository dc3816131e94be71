package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The MCP service going down costs a tool call an error output, never the call. */
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
            FakeOpenAiResource.mcp.close();
            String callId = session.functionCall("search-hotel",
                    "{\"city\":\"Toronto\",\"checkIn\":\"2026-12-01\",\"checkOut\":\"2026-12-03\"}");
            String output = await().until(() -> session.received("conversation.item.create").stream()
                    .filter(event -> event.path("item").path("call_id").asText().equals(callId))
                    .map(event -> event.path("item").path("output").asText()).findFirst().orElse(null), o -> o != null);
            assertThat(output).startsWith("Error:");
            assertThat(gateway.isClosed()).isFalse();
            assertThat(session.violations()).isEmpty();
        }
    }
}
