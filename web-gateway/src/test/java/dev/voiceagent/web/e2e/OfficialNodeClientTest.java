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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official Node {@code socket.io-client} (npm), with its default transports (long-polling, then the upgrade)
 * and with {@code transports: ['websocket']} as the original widget: a spoken sentence goes up, transcripts and
 * audio come back, the session ends, and a reconnected client starts another.
 */
@QuarkusTest
@QuarkusTestResource(VoiceSystemResource.class)
class OfficialNodeClientTest {

    private static final String ANSWER = "Which dates would you like?";

    @TestHTTPResource("/")
    URI gateway;

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "default"})
    void theOfficialClientTalksToTheAgent(String transports) throws Exception {
        Path audio = SpokenSentence.pcm16At24kHz();
        byte[] spoken = Files.readAllBytes(audio);
        int before = VoiceSystemResource.openAi().sessions().size();
        try (NodeScript client = NodeScript.start("official-client.mjs", gateway.toString(), transports,
                audio.toString(), ANSWER)) {
            JsonNode connected = client.await("connected", Duration.ofSeconds(20));
            assertThat(connected.path("transport").asText())
                    .isEqualTo(transports.equals("websocket") ? "websocket" : "polling");
            assertThat(client.await("started", Duration.ofSeconds(20)).path("agent").asText())
                    .isEqualTo("front_desk_web");

            FakeRealtimeSession upstream = VoiceSystemResource.openAi().session(before);
            await().atMost(Duration.ofSeconds(20)).until(() -> upstream.inputAudio().length >= spoken.length);
            assertThat(upstream.inputAudio()).isEqualTo(spoken);
            if (transports.equals("default")) {
                assertThat(client.await("audio_sent", Duration.ofSeconds(5)).path("transport").asText())
                        .as("the client upgraded from polling").isEqualTo("websocket");
            }

            upstream.userTranscript(SpokenSentence.TEXT);
            byte[] answer = JavaClientConformanceTest.taggedPcm16(25, 960);
            upstream.streamAssistantAudio(answer, 4800, Duration.ZERO, ANSWER);

            assertThat(client.await("user_transcript", Duration.ofSeconds(10)).path("text").asText())
                    .isEqualTo(SpokenSentence.TEXT);
            JsonNode answered = client.await("ended", Duration.ofSeconds(10));
            assertThat(answered.path("label").asText()).isEqualTo("first");
            JsonNode heard = client.facts("assistant_transcript").stream()
                    .filter(f -> f.path("text").asText().equals(ANSWER)).findFirst().orElseThrow();
            assertThat(heard.path("assistantBytes").asInt()).isGreaterThanOrEqualTo(answer.length);

            client.await("done", Duration.ofSeconds(20));
            assertThat(client.facts("started")).hasSize(2);
            assertThat(client.awaitExit(Duration.ofSeconds(10))).as(client.output()).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> !upstream.isOpen());
        }
    }
}
