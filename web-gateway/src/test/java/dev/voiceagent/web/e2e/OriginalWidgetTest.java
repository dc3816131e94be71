package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The original design's widget, unchanged, against the local start ({@code WEB_ALLOW_LOCAL_ORIGINS=true}, as
 * {@code run.sh} and dev mode set it): its page on http://localhost:3000, the official Node client with its options,
 * and a window of audio per animation frame on a 240 Hz display, which is five times real time. Every window
 * reaches the model, and the answer comes back.
 */
@QuarkusTest
@TestProfile(OriginalWidgetTest.LocalStart.class)
@QuarkusTestResource(VoiceSystemResource.class)
class OriginalWidgetTest {

    /** What the local start sets. */
    public static class LocalStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("web.allow-local-origins", "true");
        }
    }

    private static final int FRAMES = 986; // the run in which the message limit lost 92 chunks
    private static final String ANSWER = "Where would you like to go?";

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aPageOnLocalhost3000StreamsAWindowPerAnimationFrameAndHearsTheAnswer() throws Exception {
        int before = VoiceSystemResource.openAi().sessions().size();
        try (NodeScript widget = NodeScript.start("original-widget.mjs", gateway.toString(), String.valueOf(FRAMES),
                ANSWER)) {
            widget.await("started", Duration.ofSeconds(20));
            FakeRealtimeSession upstream = VoiceSystemResource.openAi().session(before);
            JsonNode sent = widget.await("audio_sent", Duration.ofSeconds(20));
            assertThat(sent.path("ms").asLong()).as("sent at 240 frames per second").isLessThan(FRAMES * 1000L / 120);

            byte[] expected = windows();
            await().atMost(Duration.ofSeconds(20)).until(() -> upstream.inputAudio().length >= expected.length);
            assertThat(upstream.inputAudio()).as("every window, in order").isEqualTo(expected);

            byte[] answer = JavaClientConformanceTest.taggedPcm16(25, 960);
            upstream.streamAssistantAudio(answer, 4800, Duration.ZERO, ANSWER);
            JsonNode heard = await().atMost(Duration.ofSeconds(15)).until(() -> widget.facts("assistant_transcript")
                    .stream().filter(f -> f.path("text").asText().equals(ANSWER)).findFirst().orElse(null), f -> f != null);
            assertThat(heard.path("assistantBytes").asInt()).isEqualTo(answer.length);
            assertThat(widget.facts("connect_error")).isEmpty();
        }
    }

    /** The windows the script sends, computed the same way. */
    private static byte[] windows() {
        byte[] pcm = new byte[FRAMES * 1024];
        for (int i = 0; i < FRAMES; i++) {
            for (int j = 0; j < 512; j++) {
                short sample = (short) (j == 0 ? i : (i * 31 + j * 7) % 2000 - 1000);
                pcm[i * 1024 + 2 * j] = (byte) sample;
                pcm[i * 1024 + 2 * j + 1] = (byte) (sample >> 8);
            }
        }
        return pcm;
    }
}
