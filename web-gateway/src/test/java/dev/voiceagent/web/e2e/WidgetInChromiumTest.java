package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The demo page at / in a real browser: headless Chromium whose fake microphone plays a spoken sentence. The fake
 * OpenAI server must hear that speech; the page must show the transcripts and the agent, play the answer, and stop
 * playing at once when the user speaks over the next one. The screenshot is kept in target/ as a test artefact.
 */
@QuarkusTest
@QuarkusTestResource(VoiceSystemResource.class)
class WidgetInChromiumTest {

    /** 24 kHz PCM16: two bytes per sample. */
    private static final int BYTES_PER_SECOND = 48_000;

    @TestHTTPResource("/")
    URI page;

    @Test
    void aPersonTalksToTheAgentAndInterruptsIt() throws Exception {
        Path screenshot = Path.of("target", "widget-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        int before = VoiceSystemResource.openAi().sessions().size();
        try (NodeScript browser = NodeScript.start("browser.mjs", page.toString(), SpokenSentence.wav().toString(),
                screenshot.toString())) {
            assertThat(browser.await("listening", Duration.ofSeconds(40)).path("agent").asText())
                    .isEqualTo("front desk web");

            FakeRealtimeSession upstream = VoiceSystemResource.openAi().session(before);
            await().atMost(Duration.ofSeconds(20)).until(() -> upstream.inputAudio().length >= 2 * BYTES_PER_SECOND);
            assertThat(rms(upstream.inputAudio())).as("the microphone's speech reached OpenAI").isGreaterThan(300);

            upstream.userTranscript(SpokenSentence.TEXT);
            upstream.streamAssistantAudio(tone(BYTES_PER_SECOND * 3 / 2), 4800, Duration.ZERO,
                    "Which dates would you like?");
            JsonNode answered = browser.await("answered", Duration.ofSeconds(45));
            assertThat(answered.path("lines").toString()).contains("You: " + SpokenSentence.TEXT)
                    .contains("Assistant: Which dates would you like?");
            double playedBefore = answered.path("playedMs").asDouble();
            assertThat(playedBefore).as("the answer was played").isGreaterThanOrEqualTo(1400);
            assertThat(answered.path("text").asText()).contains("Speaking with front desk web")
                    .doesNotContainPattern("\\d+ ms");
            assertThat(screenshot).exists();

            upstream.streamAssistantAudio(tone(BYTES_PER_SECOND * 5), 4800, Duration.ZERO, "A long answer");
            browser.await("speaking", Duration.ofSeconds(20));
            upstream.speechStarted();
            JsonNode interrupted = browser.await("interrupted", Duration.ofSeconds(20));
            assertThat(interrupted.path("playedAfter").asDouble()).as("playback stopped at the interruption")
                    .isEqualTo(interrupted.path("playedAtInterruption").asDouble())
                    .isLessThan(playedBefore + 4000);
            await().atMost(Duration.ofSeconds(10)).until(() -> !upstream.truncations().isEmpty());

            browser.await("done", Duration.ofSeconds(10));
            assertThat(browser.facts("shown")).extracting(fact -> fact.path("text").asText())
                    .containsSubsequence("Press Start to talk", "Connecting…", "Listening", "Assistant speaking",
                            "Listening", "Assistant speaking", "Interrupted", "Listening", "Conversation ended");
            await().atMost(Duration.ofSeconds(10)).until(() -> !upstream.isOpen());
        }
    }

    private static double rms(byte[] pcm16) {
        double sum = 0;
        int samples = pcm16.length / 2;
        for (int i = 0; i < samples; i++) {
            short sample = (short) ((pcm16[2 * i + 1] << 8) | (pcm16[2 * i] & 0xff));
            sum += (double) sample * sample;
        }
        return Math.sqrt(sum / samples);
    }

    /** A 440 Hz tone, 24 kHz PCM16, so the page has something audible to play. */
    private static byte[] tone(int bytes) {
        byte[] audio = new byte[bytes];
        for (int i = 0; i < bytes / 2; i++) {
            short sample = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 24_000.0));
            audio[2 * i] = (byte) sample;
            audio[2 * i + 1] = (byte) (sample >> 8);
        }
        return audio;
    }
}
