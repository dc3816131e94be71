package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.metrics.Exposition;
import dev.voiceagent.testsupport.metrics.MetricsContract;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.time.Duration;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * A user who speaks over the agent: the page is told to stop at once, the rest of that answer is not sent, the
 * model's memory of it is cut where the page says the user stopped hearing it, and it is counted in a metric that,
 * like every one of the gateway's, says what it counts.
 */
@QuarkusTest
@QuarkusTestResource(VoiceSystemResource.class)
class WebBargeInTest {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void theAnswerIsTruncatedWhereThePageStoppedPlayingIt() {
        int before = VoiceSystemResource.openAi().sessions().size();
        double bargeInsBefore = bargeIns(scrape());
        try (WidgetClient widget = WidgetClient.connect(gateway, "websocket")) {
            widget.sendWithoutData("SESSION_START");
            widget.await("SESSION_START_SUCCESS");
            FakeRealtimeSession upstream = VoiceSystemResource.openAi().session(before);
            widget.await("ASSISTANT_AUDIO_TRANSCRIPT"); // the greeting is over: the next answer is the only one

            byte[] fiveSeconds = JavaClientConformanceTest.taggedPcm16(250, 960);
            // Twice real time, as the model sends: the page is always behind what was sent, however late the
            // interruption reaches the gateway, so the barge-in cuts audio still to be played (and is counted).
            String item = upstream.streamAssistantAudio(fiveSeconds, 4800, Duration.ofMillis(50), "A long answer");
            await().atMost(Duration.ofSeconds(10)).until(() -> widget.audioOf(item).length >= 48_000);
            long reportedAt = System.nanoTime();
            widget.send("PLAYBACK_POSITION", new JSONObject().put("itemId", item).put("playedMs", 700));
            // The gateway handles one socket's events in order, so the answer to a refused one shows the position
            // was taken before the model hears the user (which reaches the gateway by another path, the core).
            widget.sendWithoutData("PLAYBACK_POSITION");
            widget.await("ERROR");
            upstream.speechStarted();

            JSONObject interrupted = (JSONObject) widget.await("INTERRUPTED").data();
            assertThat(interrupted.getString("itemId")).isEqualTo(item);
            FakeRealtimeSession.Truncation truncation = await().atMost(Duration.ofSeconds(10))
                    .until(() -> upstream.truncations().stream().findFirst().orElse(null), t -> t != null);
            assertThat(truncation.itemId()).isEqualTo(item);
            // What the page reported, plus the time it has played since: never more than has passed here.
            long sinceReport = (System.nanoTime() - reportedAt) / 1_000_000;
            assertThat(truncation.audioEndMs()).isBetween(700L, 700L + sinceReport);

            int receivedAtInterruption = widget.audioOf(item).length;
            assertThat(receivedAtInterruption).isLessThan(fiveSeconds.length);
            assertThat(upstream.violations()).isEmpty();
        }
        Exposition metrics = scrape();
        assertThat(bargeIns(metrics)).isEqualTo(bargeInsBefore + 1);
        MetricsContract.assertDocumentedAndAggregatable(metrics, "voice_web_");
    }

    private Exposition scrape() {
        return Exposition.parse(RestAssured.given().baseUri(gateway.toString()).get("/q/metrics").asString());
    }

    private static double bargeIns(Exposition metrics) {
        return metrics.sum("voice_web_barge_ins", "voice_web_barge_ins_total");
    }
}
