package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.session.CoreConnections;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The calls a gateway begins on one event loop share one conversations socket, and stay apart on it. */
@QuarkusTest
@QuarkusTestResource(FakeOpenAiResource.class)
class SharedSocketTest extends AgainstFakes {

    @Inject
    OpenConnections gatewaySockets;

    @Test
    void twoCallsShareOneSocketYetEachHearsOnlyItsOwnAudio() throws Exception {
        Context loop = vertx.getOrCreateContext();
        Set<String> earlierSockets = socketIds();
        try (CoreConnections connections = new CoreConnections(vertx);
                TestGateway first = TestGateway.sharing(connections, loop, core, "CA-first").awaitReady();
                TestGateway second = TestGateway.sharing(connections, loop, core, "CA-second").awaitReady()) {
            assertThat(socketIds()).filteredOn(id -> !earlierSockets.contains(id)).hasSize(1);
            FakeRealtimeSession firstSession = fake.session(0);
            FakeRealtimeSession secondSession = fake.session(1);

            first.sendAudio(Base64.getEncoder().encodeToString(new byte[] {1, 1, 1}));
            second.sendAudio(Base64.getEncoder().encodeToString(new byte[] {2, 2, 2, 2}));
            await().until(() -> firstSession.inputAudio().length == 3 && secondSession.inputAudio().length == 4);
            assertThat(firstSession.inputAudio()).containsOnly(1);
            assertThat(secondSession.inputAudio()).containsOnly(2);

            secondSession.streamAssistantAudio(new byte[] {9, 9}, 2);
            second.awaitMessage(SessionMessage.AudioDone.class);
            assertThat(second.audio).containsExactly(Base64.getEncoder().encodeToString(new byte[] {9, 9}));
            assertThat(first.audio).isEmpty();

            first.close();
            await().until(first::isClosed);
            second.sendAudio(Base64.getEncoder().encodeToString(new byte[] {2}));
            await().until(() -> secondSession.inputAudio().length == 5);
            assertThat(second.isClosed()).isFalse();
        }
    }

    @Test
    void theLargestAudioRecordCrossesAsMoreThanOneFrameAndArrivesWhole() throws Exception {
        byte[] audio = new byte[48 * 1024]; // 64 KiB of base64: the core's limit, and with its header one frame too many
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (i * 31);
        }
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-large", null).awaitReady()) {
            gateway.sendAudio(Base64.getEncoder().encodeToString(audio));
            FakeRealtimeSession session = fake.session(0);
            await().until(() -> session.inputAudio().length == audio.length);
            assertThat(session.inputAudio()).isEqualTo(audio);
        }
    }

    private Set<String> socketIds() {
        return gatewaySockets.stream().map(WebSocketConnection::id).collect(Collectors.toSet());
    }
}
