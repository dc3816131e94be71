package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A conversation through the real core against the strict fake of the OpenAI Realtime API. */
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
            JsonNode vad = update.path("audio").path("input").path("turn_detection");
            assertThat(vad.path("type").asText()).isEqualTo("server_vad");
            assertThat(vad.path("threshold").asDouble()).isEqualTo(0.5);
            assertThat(vad.path("silence_duration_ms").asInt()).isEqualTo(500);
            assertThat(update.path("instructions").asText()).contains("+14155550100");
            assertThat(gateway.awaitMessage(SessionMessage.Ready.class).agent()).isEqualTo("front_desk_phone");
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
    void greetsTheCallerOnceTheSessionIsReady() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA3", null).awaitReady()) {
            await().until(() -> fake.session(0).received("response.create").size() == 1);
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
    void truncationNeverGoesPastTheAudioTheItemHad() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA6", null).awaitReady()) {
            FakeRealtimeSession session = fake.session(0);
            String itemId = session.streamAssistantAudio(new byte[800], 800);
            gateway.awaitMessage(SessionMessage.AudioDone.class);
            gateway.send(new SessionMessage.PlaybackInterrupted(List.of(new SessionMessage.HeardItem(itemId, 5000))));
            await().until(() -> !session.truncations().isEmpty());
            assertThat(session.truncations()).containsExactly(new FakeRealtimeSession.Truncation(itemId, 100));
        }
    }

    @Test
    void lateAudioOfAnInterruptedResponseIsDropped() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA7", null).awaitReady()) {
            FakeRealtimeSession session = fake.session(0);
            session.streamAssistantAudio(new byte[16000], 160, Duration.ofMillis(20), "long answer");
            gateway.awaitMessage(SessionMessage.AudioItem.class);
            session.speechStarted();
            gateway.awaitMessage(SessionMessage.SpeechStarted.class);
            int chunksAtBargeIn = gateway.audio.size();
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> gateway.audio.size() <= chunksAtBargeIn + 1);
            assertThat(gateway.audio.size()).isLessThan(100);
        }
    }

    @Test
    void dtmfBecomesASystemNote() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA8", null).awaitReady()) {
            gateway.send(new SessionMessage.Dtmf("5"));
            await().until(() -> !fake.session(0).received("conversation.item.create").isEmpty());
            JsonNode item = fake.session(0).received("conversation.item.create").get(0).path("item");
            assertThat(item.path("role").asText()).isEqualTo("system");
            assertThat(item.path("content").get(0).path("text").asText()).contains("5");
        }
    }

    @Test
    void upstreamErrorEventIsRelayedAndTheCallGoesOn() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA9", null).awaitReady()) {
            FakeRealtimeSession session = fake.session(0);
            session.sendError("server_error", "server_error", "The server had an error");
            SessionMessage.Error error = gateway.awaitMessage(SessionMessage.Error.class);
            assertThat(error.fatal()).isFalse();
            gateway.sendAudio(Base64.getEncoder().encodeToString(new byte[160]));
            await().until(() -> session.inputAudio().length == 160);
            assertThat(gateway.isClosed()).isFalse();
        }
    }

    @Test
    void upstreamDropEndsOnlyThatConversation() throws Exception {
        try (TestGateway dropped = TestGateway.phoneCall(vertx, core, "CA10", null).awaitReady();
                TestGateway other = TestGateway.phoneCall(vertx, core, "CA11", null).awaitReady()) {
            List<FakeRealtimeSession> sessions = fake.awaitSessions(2);
            sessions.get(0).closeAbruptly();
            SessionMessage.End end = dropped.awaitMessage(SessionMessage.End.class);
            assertThat(end.reason()).isEqualTo("upstream_closed");
            await().until(dropped::isClosed);
            other.sendAudio(Base64.getEncoder().encodeToString(new byte[160]));
            await().until(() -> sessions.get(1).inputAudio().length == 160);
            assertThat(other.isClosed()).isFalse();
        }
    }

    @Test
    void refusedUpstreamConnectionEndsTheConversationWithAReason() throws Exception {
        fake.refuseConnections(true);
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA12", null)) {
            SessionMessage.End end = gateway.awaitMessage(SessionMessage.End.class);
            assertThat(end.reason()).isEqualTo("upstream_connect_failed");
            assertThat(gateway.awaitMessage(SessionMessage.Error.class).fatal()).isTrue();
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
