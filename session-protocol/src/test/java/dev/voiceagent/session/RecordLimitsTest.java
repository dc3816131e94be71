package dev.voiceagent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every record a gateway writes fits the core's message limit (1 MiB): one conversation's oversized message
 * cannot get the socket closed under its neighbours.
 */
class RecordLimitsTest {

    private final Vertx vertx = Vertx.vertx();
    private final FakeCore core = FakeCore.start(vertx, "a");
    private final CoreConnections connections = new CoreConnections(vertx);

    private static final class Heard implements CoreConversation.Listener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(SessionMessage.FromCore message) {
            events.add(message.getClass().getSimpleName());
        }

        @Override
        public void onAudio(Buffer base64Audio) {
        }

        @Override
        public void onClosed() {
            events.add("closed");
        }

        @Override
        public void onResumed(SessionMessage.Ready ready) {
            events.add("resumed");
        }
    }

    @AfterEach
    void stop() throws Exception {
        connections.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private CoreConversation open(String callId, Heard heard) throws Exception {
        Promise<CoreConversation> opened = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> connections.open(core.url(), new SessionMessage.Start(
                SessionMessage.VERSION, Channel.WEB, AudioCodec.PCM16, null, callId, null, null, null, null, null),
                heard).onComplete(opened));
        CoreConversation conversation = opened.future().toCompletionStage().toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        await().until(() -> heard.events.contains("Ready"));
        return conversation;
    }

    @Test
    void anOversizedControlMessageIsRefusedInItsConversationAndLargeAudioIsSplit() throws Exception {
        Heard offender = new Heard();
        Heard bystander = new Heard();
        CoreConversation big = open("W1", offender);
        CoreConversation small = open("W2", bystander);

        assertThat(big.send(new SessionMessage.Dtmf("1".repeat(2 << 20)))).isFalse();
        assertThat(big.send(new SessionMessage.Dtmf("1"))).isTrue();
        Buffer audio = Buffer.buffer("AAECAwQF".repeat(320_000)); // 2.56 MB of base64 text
        big.sendAudio(audio);
        small.sendAudio(Buffer.buffer("AAAA"));

        await().until(() -> core.audioOf(0, 2).size() == 1);
        await().until(() -> core.audioOf(0, 1).size() == 3);
        List<String> pieces = core.audioOf(0, 1).stream().map(FakeCore.Received::payload).toList();
        assertThat(String.join("", pieces)).isEqualTo(audio.toString());
        assertThat(pieces).allSatisfy(piece -> assertThat(piece.length())
                .isLessThanOrEqualTo(ConversationRecords.MAX_PAYLOAD_BYTES));
        assertThat(pieces.get(0).length() % 8).as("whole base64 groups and whole samples").isZero();
        assertThat(core.received).filteredOn(r -> r.conversation() == 1 && r.kind() == 'C')
                .extracting(FakeCore.Received::payload).endsWith("{\"type\":\"dtmf\",\"digit\":\"1\"}").hasSize(2);
        assertThat(core.sockets).hasSize(1);
        assertThat(bystander.events).containsExactly("Ready");
        assertThat(offender.events).containsExactly("Ready");
    }
}
