package dev.voiceagent.core.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import dev.voiceagent.testsupport.metrics.Exposition;
import dev.voiceagent.testsupport.metrics.MetricsContract;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a call costs and how it felt, as metrics: turns, time to first audio, billed tokens, duration; and as
 * Prometheus scrapes them: every family explained, latencies in the documented SLO buckets.
 */
@QuarkusTest
@QuarkusTestResource(FakeOpenAiResource.class)
class CallMetricsTest extends AgainstFakes {

    @Inject
    MeterRegistry registry;

    private double tokens(String direction, String modality) {
        Counter counter = registry.find("voice.core.tokens").tag("direction", direction).tag("modality", modality)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private long timerCount(String name) {
        Timer timer = registry.find(name).timer();
        return timer == null ? 0 : timer.count();
    }

    private double turns() {
        Counter counter = registry.find("voice.core.turns").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aTurnAndItsAnswerAreCountedTimedAndBilled() throws Exception {
        double turnsBefore = turns();
        long firstAudioBefore = timerCount("voice.core.turn.first.audio");
        long durationsBefore = timerCount("voice.core.conversation.duration");
        double audioTokensBefore = tokens("output", "audio");
        double textTokensBefore = tokens("output", "text");
        FakeRealtimeSession session;
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-metrics", null).awaitReady()) {
            session = fake.session(0);
            session.speechStarted();
            session.speechStopped();
            gateway.awaitMessage(SessionMessage.SpeechStopped.class);
            session.streamAssistantAudio(FakeRealtimeServer.silence("audio/pcmu", Duration.ofMillis(400)), 800,
                    Duration.ZERO, "Hello there, how can I help?");
            gateway.awaitMessage(SessionMessage.AudioDone.class);
            await().until(() -> tokens("output", "audio") > audioTokensBefore);
        }
        assertThat(turns() - turnsBefore).isEqualTo(1);
        assertThat(timerCount("voice.core.turn.first.audio") - firstAudioBefore).isEqualTo(1);
        assertThat(tokens("output", "audio") - audioTokensBefore).isEqualTo(session.billed("output", "audio"));
        assertThat(tokens("output", "text") - textTokensBefore).isEqualTo(session.billed("output", "text"));
        await().until(() -> timerCount("voice.core.conversation.duration") == durationsBefore + 1);

        Exposition scraped = Exposition.parse(given().when().get("/q/metrics").then().statusCode(200).extract()
                .asString());
        MetricsContract.assertDocumentedAndAggregatable(scraped, "voice_core_");
        assertThat(MetricsContract.bucketBounds(scraped, "voice_core_turn_first_audio_seconds"))
                .containsExactly(0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0);
        assertThat(MetricsContract.bucketBounds(scraped, "voice_core_upstream_ready_seconds"))
                .containsExactly(0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0);
        assertThat(MetricsContract.bucketBounds(scraped, "voice_core_tool_latency_seconds"))
                .containsExactly(0.05, 0.1, 0.25, 0.5, 1.0, 1.5, 2.5, 5.0, 10.0);
        assertThat(MetricsContract.bucketBounds(scraped, "voice_core_conversation_duration_seconds"))
                .containsExactly(10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1200.0, 1800.0, 3600.0);
        assertThat(infBucket(scraped, "voice_core_turn_first_audio_seconds"))
                .isEqualTo(timerCount("voice.core.turn.first.audio"));
        assertThat(infBucket(scraped, "voice_core_conversation_duration_seconds"))
                .isEqualTo(timerCount("voice.core.conversation.duration"));
    }

    private static long infBucket(Exposition scraped, String histogram) {
        return scraped.family(histogram).samples().stream()
                .filter(s -> s.name().equals(histogram + "_bucket") && s.labels().get("le").equals("+Inf"))
                .mapToLong(s -> (long) s.value()).sum();
    }
}
