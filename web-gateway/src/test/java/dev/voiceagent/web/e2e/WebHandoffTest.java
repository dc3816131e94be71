package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.web.handoff.SiteReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * A visitor the agent hands to a person: the widget gets {@code HUMAN_HANDOFF} with the agent's own summary, the
 * site's backend the same as a signed webhook it verifies, and the session ends after the agent's last line.
 */
@QuarkusTest
@QuarkusTestResource(VoiceSystemResource.class)
@QuarkusTestResource(value = WebHandoffTest.Site.class, restrictToAnnotatedClass = true)
class WebHandoffTest {

    static final String SECRET = "web-handoff-test-webhook-secret";

    /** The site's backend, verifying what it receives as the README says. */
    public static class Site implements QuarkusTestResourceLifecycleManager {
        static Vertx vertx;
        static SiteReceiver receiver;

        @Override
        public Map<String, String> start() {
            vertx = Vertx.vertx();
            receiver = new SiteReceiver(vertx, SECRET);
            return Map.of("web.handoff.webhook-url", receiver.url().toString(), "web.handoff.webhook-secret", SECRET);
        }

        @Override
        public void stop() {
            receiver.close();
            vertx.close();
        }
    }

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void theWidgetAndTheSitesBackendGetTheAgentsSummaryAndTheSessionEnds() {
        int before = VoiceSystemResource.openAi().sessions().size();
        try (WidgetClient widget = WidgetClient.connect(gateway, "websocket")) {
            widget.sendWithoutData("SESSION_START");
            widget.await("SESSION_START_SUCCESS");
            FakeRealtimeSession upstream = VoiceSystemResource.openAi().session(before);
            widget.await("ASSISTANT_AUDIO_TRANSCRIPT");
            int chunksBefore = widget.received("ASSISTANT_AUDIO_CHUNK").size();

            upstream.functionCall("transfer_to_human", "{\"reason\":\"wants a person\",\"summary\":\"A visitor "
                    + "wants to change the dates of booking HTL-4821 and prefers to talk to someone.\"}");

            JSONObject handoff = (JSONObject) widget.await("HUMAN_HANDOFF").data();
            assertThat(handoff.getString("reason")).isEqualTo("wants a person");
            assertThat(handoff.getString("summary")).startsWith("A visitor wants to change the dates");
            assertThat(handoff.isNull("target")).isTrue();
            JSONObject ended = (JSONObject) widget.await("SESSION_ENDED").data();
            assertThat(ended.getString("reason")).isEqualTo("handed to a person");
            assertThat(widget.received("ASSISTANT_AUDIO_CHUNK")).as("the agent's line came first")
                    .hasSizeGreaterThan(chunksBefore);
            await().atMost(Duration.ofSeconds(10)).until(() -> !upstream.isOpen());

            SiteReceiver.Delivery delivery = await().atMost(Duration.ofSeconds(10))
                    .until(() -> Site.receiver.deliveries().stream().findFirst().orElse(null), d -> d != null);
            assertThat(delivery.verified()).isTrue();
            JSONObject body = new JSONObject(delivery.body());
            assertThat(body.getString("summary")).isEqualTo(handoff.getString("summary"));
            assertThat(body.getString("reason")).isEqualTo("wants a person");
            assertThat(body.getString("conversationId")).isNotBlank();
            assertThat(upstream.violations()).isEmpty();
        }
    }
}
