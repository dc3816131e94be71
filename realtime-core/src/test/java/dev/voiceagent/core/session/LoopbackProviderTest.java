package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.core.loopback.Samples;
import dev.voiceagent.core.mcp.McpServers;
import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import dev.voiceagent.session.Role;
import dev.voiceagent.session.SessionMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The offline loopback provider through the real conversation engine: the caller hears their own turn back,
 * speaking over it cancels it, and keypad keys drive a real hand-off and a real MCP tool call (fake MCP server).
 */
@QuarkusTest
@TestProfile(LoopbackProviderTest.Profile.class)
@QuarkusTestResource(FakeOpenAiResource.class)
class LoopbackProviderTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // real-time streaming, so a reply is still playing when the caller speaks over it
            return Map.of("openai.provider", "loopback", "loopback.streaming-speed", "1");
        }
    }

    private static final int FRAME = 160;

    @TestHTTPResource("/")
    URI core;

    @Inject
    Vertx vertx;

    @Inject
    McpServers mcp;

    /** 20 ms mu-law frames: a loud 300 Hz tone, or digital silence. */
    private static byte[] audio(int ms, boolean loud) {
        byte[] audio = new byte[ms * 8];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = loud ? Samples.linearToMuLaw((int) (8000 * Math.sin(2 * Math.PI * 300 * i / 8000.0))) : (byte) 0xff;
        }
        return audio;
    }

    /** 20 ms PCM16 frames at 24 kHz, as a browser sends them: a loud 300 Hz tone, or digital silence. */
    private static byte[] webAudio(int ms, boolean loud) {
        byte[] audio = new byte[ms * 48];
        for (int i = 0; loud && i < audio.length / 2; i++) {
            short sample = (short) (8000 * Math.sin(2 * Math.PI * 300 * i / 24000.0));
            audio[2 * i] = (byte) sample;
            audio[2 * i + 1] = (byte) (sample >> 8);
        }
        return audio;
    }

    private static void say(TestGateway gateway, byte[] audio) {
        say(gateway, audio, FRAME);
    }

    private static void say(TestGateway gateway, byte[] audio, int frame) {
        for (int offset = 0; offset < audio.length; offset += frame) {
            gateway.sendAudio(Base64.getEncoder().encodeToString(Arrays.copyOfRange(audio, offset, offset + frame)));
        }
    }

    private static byte[] heard(TestGateway gateway) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        gateway.audio.forEach(chunk -> all.writeBytes(Base64.getDecoder().decode(chunk)));
        return all.toByteArray();
    }

    private static String lastAssistantLine(TestGateway gateway) {
        return gateway.messages.stream()
                .filter(m -> m instanceof SessionMessage.Transcript t && t.role() == Role.ASSISTANT && t.isFinal())
                .map(m -> ((SessionMessage.Transcript) m).text()).reduce((a, b) -> b).orElse("");
    }

    @Test
    void sayWhatItIsAndPlaysTheCallersTurnBack() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-loop-echo", null)) {
            assertThat(gateway.awaitMessage(SessionMessage.Ready.class).model()).isEqualTo("loopback (no AI)");
            await().until(() -> lastAssistantLine(gateway).startsWith("loopback (no AI): say something"));
            assertThat(lastAssistantLine(gateway)).contains("Key 0 calls transfer_to_human",
                    "key 1 calls transfer_to_hotel_booking", "key 2 calls search-hotel");
            await().until(() -> gateway.messages.stream().filter(SessionMessage.AudioDone.class::isInstance).count() == 1);
            int greeting = heard(gateway).length;

            ByteArrayOutputStream turn = new ByteArrayOutputStream();
            turn.writeBytes(audio(200, false));
            turn.writeBytes(audio(600, true));
            say(gateway, turn.toByteArray());
            say(gateway, audio(700, false));

            gateway.awaitMessage(SessionMessage.SpeechStopped.class);
            await().until(() -> gateway.messages.stream().filter(SessionMessage.AudioDone.class::isInstance).count() == 2);
            assertThat(Arrays.copyOfRange(heard(gateway), greeting, heard(gateway).length))
                    .as("the turn comes back byte for byte, with its 200 ms of padding")
                    .isEqualTo(turn.toByteArray());
            assertThat(gateway.messages).anyMatch(m -> m instanceof SessionMessage.Transcript t
                    && t.role() == Role.USER && t.text().contains("0.8 s of speech"));
            assertThat(lastAssistantLine(gateway)).isEqualTo("loopback (no AI): playing back your 0.8 s of speech.");
        }
    }

    @Test
    void aWebVisitorMayPauseForASecondWithinOneTurn() throws Exception {
        var start = new SessionMessage.Start(SessionMessage.VERSION, Channel.WEB, AudioCodec.PCM16, null, "web-loop",
                null, null, null, null, null);
        try (TestGateway gateway = TestGateway.withStart(vertx, core, start).awaitReady()) {
            await().until(() -> gateway.messages.stream().anyMatch(SessionMessage.AudioDone.class::isInstance));
            ByteArrayOutputStream turn = new ByteArrayOutputStream();
            turn.writeBytes(webAudio(200, false));
            turn.writeBytes(webAudio(400, true));
            turn.writeBytes(webAudio(1000, false));
            turn.writeBytes(webAudio(400, true));
            turn.writeBytes(webAudio(2100, false));
            say(gateway, turn.toByteArray(), 960);

            await().until(() -> gateway.messages.stream().anyMatch(m -> m instanceof SessionMessage.Transcript t
                    && t.role() == Role.USER));
            assertThat(gateway.messages).as("the web's 2 s of silence end the turn, not the 1 s pause")
                    .filteredOn(SessionMessage.SpeechStopped.class::isInstance).hasSize(1);
            assertThat(gateway.messages).anyMatch(m -> m instanceof SessionMessage.Transcript t
                    && t.role() == Role.USER && t.text().contains("2.0 s of speech"));
        }
    }

    @Test
    void speakingOverTheEchoCancelsIt() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-loop-barge", null).awaitReady()) {
            await().until(() -> gateway.messages.stream().anyMatch(SessionMessage.AudioDone.class::isInstance));
            say(gateway, audio(2000, true));
            say(gateway, audio(600, false));
            SessionMessage.AudioItem echo = (SessionMessage.AudioItem) await().until(() -> gateway.messages.stream()
                    .filter(SessionMessage.AudioItem.class::isInstance).skip(1).findFirst().orElse(null), m -> m != null);

            say(gateway, audio(300, true));

            await().until(() -> gateway.messages.stream().filter(SessionMessage.SpeechStarted.class::isInstance).count() == 2);
            say(gateway, audio(600, false));
            await().until(() -> gateway.messages.stream().filter(SessionMessage.AudioItem.class::isInstance).count() == 3);
            assertThat(gateway.messages).as("the interrupted echo never finished")
                    .noneMatch(m -> m instanceof SessionMessage.AudioDone done && done.itemId().equals(echo.itemId()));
        }
    }

    @Test
    void keypadKeysHandOffAndCallTheToolThroughMcp() throws Exception {
        await().until(() -> Boolean.TRUE.equals(mcp.status().get("booking"))); // the tools' schemas are loaded
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-loop-keys", null).awaitReady()) {
            await().until(() -> gateway.messages.stream().anyMatch(SessionMessage.AudioDone.class::isInstance));

            gateway.send(new SessionMessage.Dtmf("2"));
            await().until(() -> lastAssistantLine(gateway).contains("search-hotel, which the current agent does not have"));

            gateway.send(new SessionMessage.Dtmf("1"));
            assertThat(gateway.awaitMessage(SessionMessage.AgentChanged.class).agent()).isEqualTo("hotel_booking");
            await().until(() -> lastAssistantLine(gateway).contains("transfer_to_hotel_booking answered"));

            gateway.send(new SessionMessage.Dtmf("2"));
            await().until(() -> lastAssistantLine(gateway).contains("search-hotel answered"));
            assertThat(lastAssistantLine(gateway)).contains("search-hotel answered: [{\"hotelId\":\"H1\"");
            assertThat(gateway.messages).contains(new SessionMessage.ToolActivity("search-hotel", "started"),
                    new SessionMessage.ToolActivity("search-hotel", "ok"));
            assertThat(FakeOpenAiResource.mcp.violations()).isEmpty();
        }
    }

    @Test
    void keypadZeroAsksForAPersonAndAFailedTransferIsSaid() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-loop-person", null).awaitReady()) {
            await().until(() -> gateway.messages.stream().anyMatch(SessionMessage.AudioDone.class::isInstance));

            gateway.send(new SessionMessage.Dtmf("0"));

            SessionMessage.HandoffHuman handoff = gateway.awaitMessage(SessionMessage.HandoffHuman.class);
            assertThat(handoff.reason()).isEqualTo("the caller pressed 0 to ask for a person");
            assertThat(handoff.summary()).contains("pressed 0");
            assertThat(lastAssistantLine(gateway)).contains("transfer_to_human answered");

            gateway.send(new SessionMessage.HandoffResult("failed", "transfers are not configured here"));
            await().until(() -> lastAssistantLine(gateway).contains("The transfer to a colleague did not succeed"));
        }
    }
}
