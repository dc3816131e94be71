package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared set-up of the core's tests against the fakes: a quiet model (it answers {@code response.create} without
 * audio unless a test scripts some), and after each test, proof that the core broke no protocol rule.
 */
abstract class AgainstFakes {

    @TestHTTPResource("/")
    URI core;

    @Inject
    Vertx vertx;

    @Inject
    ConversationRegistry registry;

    FakeRealtimeServer fake;

    /**
     * Starts when the previous test's conversations have ended: the fake's reset closes their upstream sessions,
     * which a live conversation would replace with a new one, counted among this test's sessions.
     */
    @BeforeEach
    void quietFake() {
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.active() == 0);
        fake = FakeOpenAiResource.fake;
        fake.reset();
        fake.expectApiKey("sk-test").sessionOptions(FakeRealtimeSession.Options.defaults().withoutAutomaticResponses());
    }

    @AfterEach
    void noProtocolViolations() {
        for (FakeRealtimeSession session : fake.sessions()) {
            assertThat(session.violations()).as("what the fake model refused").isEmpty();
        }
        assertThat(FakeOpenAiResource.mcp.violations()).as("what the fake MCP server refused").isEmpty();
    }
}
