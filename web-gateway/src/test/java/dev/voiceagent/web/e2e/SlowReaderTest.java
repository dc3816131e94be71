package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A page that stops reading while the agent talks: once more than the outbound bound ({@link TightLimits}: 1 s of
 * audio) waits in the gateway, the page is dropped from the call with a logged reason and the conversation ends,
 * instead of the gateway holding minutes of audio for it.
 */
@QuarkusTest
@TestProfile(TightLimits.class)
@QuarkusTestResource(VoiceSystemResource.class)
class SlowReaderTest {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aPageThatStopsReadingIsDroppedAndItsConversationEnds() throws Exception {
        Vertx vertx = Vertx.vertx();
        int before = VoiceSystemResource.openAi().sessions().size();
        try (RawSocketIoClient page = RawSocketIoClient.openWithReceiveBuffer(vertx, gateway, 8192).connect("")) {
            page.sendText("42[\"message\",{\"event\":\"SESSION_START\"}]");
            await().atMost(Duration.ofSeconds(15)).until(() -> page.received().stream()
                    .anyMatch(p -> p.contains("SESSION_START_SUCCESS")));
            FakeRealtimeSession upstream = VoiceSystemResource.openAi().session(before);
            page.stopReading();

            upstream.streamAssistantAudio(new byte[240 * 48_000], 9600); // four minutes of answer, in one burst
            await().atMost(Duration.ofSeconds(30)).until(() -> !upstream.isOpen());
            assertThat(metric("voice_web_connections_closed_total", "reason=\"not_reading\"")).isPositive();
            assertThat(metric("voice_web_sessions_ended_total", "reason=\"client_disconnected\"")).isPositive();
        } finally {
            vertx.close();
        }
    }

    private double metric(String name, String labels) {
        String text = RestAssured.given().baseUri(gateway.toString()).get("/q/metrics").asString();
        return text.lines().filter(line -> line.startsWith(name + "{") && line.contains(labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
