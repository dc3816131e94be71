package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import org.json.JSONObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The widget's whole session through the Java Socket.IO client, on each transport the official clients use:
 * websocket only (the original widget), long-polling with upgrade (the clients' default), and polling only.
 */
@QuarkusTest
@QuarkusTestResource(VoiceSystemResource.class)
class JavaClientConformanceTest {

    @TestHTTPResource("/")
    URI gateway;

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "polling,websocket", "polling"})
    void aSessionCarriesAudioAndTranscriptsBothWays(String transports) {
        int before = VoiceSystemResource.openAi().sessions().size();
        try (WidgetClient widget = WidgetClient.connect(gateway, transports.split(","))) {
            widget.sendWithoutData("SESSION_START");
            JSONObject started = (JSONObject) widget.await("SESSION_START_SUCCESS").data();
            assertThat(started.getString("agent")).isEqualTo("front_desk_web");
            FakeRealtimeSession upstream = VoiceSystemResource.openAi().session(before);
            assertThat(upstream.sessionConfig().path("audio").path("input").path("format").path("type").asText())
                    .isEqualTo("audio/pcm");

            byte[] spoken = taggedPcm16(40, 960);
            for (int chunk = 0; chunk < 40; chunk++) {
                byte[] part = new byte[960];
                System.arraycopy(spoken, chunk * 960, part, 0, 960);
                widget.send("USER_AUDIO_CHUNK", part);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> upstream.inputAudio().length >= spoken.length);
            assertThat(upstream.inputAudio()).isEqualTo(spoken);

            upstream.userTranscript("I need a hotel in Paris");
            assertThat(widget.await("USER_AUDIO_TRANSCRIPT").data()).isEqualTo("I need a hotel in Paris");

            byte[] answer = taggedPcm16(50, 960);
            String item = upstream.streamAssistantAudio(answer, 4800, Duration.ZERO, "Which dates?");
            await().atMost(Duration.ofSeconds(10)).until(() -> widget.audioOf(item).length >= answer.length);
            assertThat(widget.audioOf(item)).isEqualTo(answer);
            await().atMost(Duration.ofSeconds(10)).until(() -> widget.received("ASSISTANT_AUDIO_TRANSCRIPT").stream()
                    .anyMatch(r -> r.data().equals("Which dates?")));

            widget.sendWithoutData("SESSION_END");
            widget.await("SESSION_END_SUCCESS");
            await().atMost(Duration.ofSeconds(10)).until(() -> !upstream.isOpen());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "polling,websocket"})
    void aClientThatReconnectsStartsAFreshSession(String transports) {
        int before = VoiceSystemResource.openAi().sessions().size();
        try (WidgetClient first = WidgetClient.connect(gateway, transports.split(","))) {
            first.sendWithoutData("SESSION_START");
            first.await("SESSION_START_SUCCESS");
        }
        FakeRealtimeSession dropped = VoiceSystemResource.openAi().session(before);
        await().atMost(Duration.ofSeconds(10)).until(() -> !dropped.isOpen());
        try (WidgetClient again = WidgetClient.connect(gateway, transports.split(","))) {
            again.sendWithoutData("SESSION_START");
            again.await("SESSION_START_SUCCESS");
            assertThat(VoiceSystemResource.openAi().session(before + 1).isOpen()).isTrue();
        }
    }

    /** PCM16 whose every chunk starts with its index, so loss or reordering shows. */
    static byte[] taggedPcm16(int chunks, int chunkBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int chunk = 0; chunk < chunks; chunk++) {
            byte[] part = new byte[chunkBytes];
            for (int i = 0; i < chunkBytes; i += 2) {
                short sample = (short) (i == 0 ? chunk : (chunk * 131 + i * 17) % 4000 - 2000);
                part[i] = (byte) sample;
                part[i + 1] = (byte) (sample >> 8);
            }
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
