package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A conversation through the real core and its sockets against the strict fake of the OpenAI Realtime API. The
 * state machine's behaviour is tested in process ({@link ConversationFlowTest}, {@link ReconnectFlowTest}).
 */
@QuarkusTest
@QuarkusTestResource(FakeOpenAiResource.class)
class ConversationTest extends AgainstFakes {

    @Test
    void configuresAPhoneSessionForMuLawPassThrough() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA1", null).awaitReady()) {
            JsonNode update = fake.session(0).received("session.update").get(0).path("session");
            assertThat(update.path("type").asText()).isEqualTo("realtime");
            assertThat(update.path("audio").path("input").path("format").path("type").asText()).isEqualTo("audio/pcmu");
            assertThat(update.path("audio").path("output").path("format").path("type").asText()).isEqualTo("audio/pcmu");
            assertThat(update.path("audio").path("output").path("voice").asText()).isEqualTo("marin");
            assertThat(update.path("audio").path("output").path("speed").asDouble()).isEqualTo(1.0);
            assertThat(update.path("audio").path("input").path("transcription").path("model").asText())
                    .isEqualTo("gpt-4o-mini-transcribe");
            JsonNode vad = update.path("audio").path("input").path("turn_detection");
            assertThat(vad.path("type").asText()).isEqualTo("server_vad");
            assertThat(vad.path("threshold").asDouble()).isEqualTo(0.5);
            assertThat(vad.path("silence_duration_ms").asInt()).isEqualTo(500);
            assertThat(update.path("instructions").asText()).contains("+14155550100");
            assertThat(gateway.awaitMessage(SessionMessage.Ready.class).agent()).isEqualTo("front_desk_phone");
        }
    }

    @Test
    void configuresAWebSessionWithTheWebChannelsSettings() throws Exception {
        var start = new SessionMessage.Start(SessionMessage.VERSION, Channel.WEB, AudioCodec.PCM16, null, "web-1",
                null, null, null, null, null);
        try (TestGateway gateway = TestGateway.withStart(vertx, core, start).awaitReady()) {
            assertThat(gateway.awaitMessage(SessionMessage.Ready.class).agent()).isEqualTo("front_desk_web");
            JsonNode audio = fake.session(0).sessionConfig().path("audio");
            assertThat(audio.path("input").path("format").path("type").asText()).isEqualTo("audio/pcm");
            JsonNode vad = audio.path("input").path("turn_detection");
            assertThat(vad.path("type").asText()).isEqualTo("server_vad");
            assertThat(vad.path("silence_duration_ms").asInt()).isEqualTo(2000);
            JsonNode transcription = audio.path("input").path("transcription");
            assertThat(transcription.path("model").asText()).isEqualTo("gpt-4o-transcribe");
            assertThat(transcription.path("language").asText()).isEqualTo("en");
            assertThat(transcription.path("prompt").asText()).contains("trip booking assistant");
            assertThat(audio.path("output").path("speed").asDouble()).isEqualTo(1.2);
            assertThat(audio.path("output").path("voice").asText()).isEqualTo("marin");
        }
    }

    @Test
    void callerAudioArrivesCompleteInOrderAndUnchanged() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA2", null)) {
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            for (int frame = 0; frame < 100; frame++) {
                byte[] audio = taggedFrame(frame);
                sent.writeBytes(audio);
                gateway.sendAudio(Base64.getEncoder().encodeToString(audio));
            }
            FakeRealtimeSession session = fake.session(0);
            await().atMost(10, TimeUnit.SECONDS).until(() -> session.inputAudio().length == sent.size());
            assertThat(session.inputAudio()).isEqualTo(sent.toByteArray());
        }
    }

    @Test
    void assistantAudioReachesTheGatewayLabelledAndInOrder() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA4", null).awaitReady()) {
            byte[] audio = new byte[8000];
            for (int i = 0; i < audio.length; i++) {
                audio[i] = (byte) i;
            }
            String itemId = fake.session(0).streamAssistantAudio(audio, 800);
            SessionMessage.AudioItem item = gateway.awaitMessage(SessionMessage.AudioItem.class);
            assertThat(item.itemId()).isEqualTo(itemId);
            gateway.awaitMessage(m -> m instanceof SessionMessage.AudioDone done && done.itemId().equals(itemId));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            gateway.audio.forEach(chunk -> received.writeBytes(Base64.getDecoder().decode(chunk)));
            assertThat(received.toByteArray()).isEqualTo(audio);
            assertThat(gateway.messages).anySatisfy(m -> assertThat(m).isInstanceOf(SessionMessage.Transcript.class));
        }
    }

    @Test
    void bargeInTruncatesAtWhatTheCallerHeard() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA5", null).awaitReady()) {
            FakeRealtimeSession session = fake.session(0);
            String itemId = session.streamAssistantAudio(new byte[16000], 800);
            gateway.awaitMessage(SessionMessage.AudioDone.class);
            session.speechStarted();
            gateway.awaitMessage(SessionMessage.SpeechStarted.class);
            gateway.send(new SessionMessage.PlaybackInterrupted(List.of(new SessionMessage.HeardItem(itemId, 640))));
            await().until(() -> !session.truncations().isEmpty());
            assertThat(session.truncations()).containsExactly(new FakeRealtimeSession.Truncation(itemId, 640));
            assertThat(session.cancels()).as("interrupt_response is on: the server cancels by itself").isZero();
        }
    }

    @Test
    void hangingUpClosesTheUpstreamSession() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA13", null).awaitReady()) {
            gateway.send(new SessionMessage.End("stop"));
            await().until(() -> !fake.session(0).isOpen());
        }
    }

    static byte[] taggedFrame(int sequence) {
        byte[] frame = new byte[160];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) (sequence * 31 + i);
        }
        return frame;
    }
}
