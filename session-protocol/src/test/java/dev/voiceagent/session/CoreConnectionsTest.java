package dev.voiceagent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's side of the conversations socket against a minimal core ({@link FakeCore}). */
class CoreConnectionsTest {

    private final Vertx vertx = Vertx.vertx();
    private FakeCore fake;
    private CoreConnections connections;
    private URI core;

    /** Records what one conversation hears. */
    private static final class Heard implements CoreConversation.Listener {
        final List<SessionMessage.FromCore> messages = new CopyOnWriteArrayList<>();
        volatile int closedCalls;

        @Override
        public void onMessage(SessionMessage.FromCore message) {
            messages.add(message);
        }

        @Override
        public void onAudio(Buffer base64Audio) {
        }

        @Override
        public void onClosed() {
            closedCalls++;
        }
    }

    @BeforeEach
    void startCore() {
        fake = FakeCore.start(vertx, "c");
        fake.issueTokens = false; // a lost socket then ends its conversations, as with a core that keeps no checkpoints
        core = fake.url();
        connections = new CoreConnections(vertx);
    }

    /** What the core received, as {@code socket/conversation/kind}. */
    private List<String> coreReceived() {
        return fake.received.stream().map(r -> r.socket() + "/" + r.conversation() + "/" + r.kind()).toList();
    }

    @AfterEach
    void stop() throws Exception {
        connections.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private CoreConversation open(Context loop, String callId, Heard heard) throws Exception {
        Promise<CoreConversation> opened = Promise.promise();
        loop.runOnContext(v -> connections.open(core, new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE,
                AudioCodec.PCMU, null, callId, null, null, null, null, null), heard).onComplete(opened));
        return opened.future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    /** Two calls begun on {@code loop}, each once the core has answered it. */
    private List<Heard> twoReadyCalls(Context loop) throws Exception {
        Heard first = new Heard();
        Heard second = new Heard();
        open(loop, "CA1", first);
        open(loop, "CA2", second);
        await().until(() -> !first.messages.isEmpty() && !second.messages.isEmpty());
        return List.of(first, second);
    }

    @Test
    void callsOnOneLoopShareASocketAndAreNumberedUpwards() throws Exception {
        List<Heard> calls = twoReadyCalls(vertx.getOrCreateContext());
        Heard first = calls.get(0);
        Heard second = calls.get(1);
        assertThat(fake.sockets).hasSize(1);
        assertThat(coreReceived()).containsExactly("0/1/C", "0/2/C");
        assertThat(((SessionMessage.Ready) first.messages.get(0)).conversationId()).isEqualTo("c-CA1");
        assertThat(((SessionMessage.Ready) second.messages.get(0)).conversationId()).isEqualTo("c-CA2");
    }

    @Test
    void whenTheCoreSocketGoesEveryCallWithoutAResumeTokenEndsOnceAndTheNextCallConnectsAfresh() throws Exception {
        Context loop = vertx.getOrCreateContext();
        List<Heard> calls = twoReadyCalls(loop);
        Heard first = calls.get(0);
        Heard second = calls.get(1);

        fake.sockets.get(0).close();
        await().until(() -> first.closedCalls == 1 && second.closedCalls == 1);

        Heard third = new Heard();
        CoreConversation after = open(loop, "CA3", third);
        await().until(() -> !third.messages.isEmpty());
        assertThat(fake.sockets).hasSize(2);
        assertThat(coreReceived()).endsWith("1/1/C");
        after.close();
        await().until(() -> third.closedCalls == 1);
        assertThat(first.closedCalls).isEqualTo(1);
    }

    /** The core accepts each gateway token once, so a new socket (here after a lost one) must carry a new token. */
    @Test
    void everySocketPresentsAFreshTokenThatACoreAcceptsOnce() throws Exception {
        String secret = "core-connections-test-internal-secret";
        InternalCredentials gateway = new InternalCredentials(List.of(secret), Clock.systemUTC());
        InternalCredentials coreSide = new InternalCredentials(List.of(secret), Clock.systemUTC(), new UsedOnce(10));
        connections.close();
        connections = new CoreConnections(vertx, () -> gateway.mint(InternalCredentials.CORE_AUDIENCE));
        Context loop = vertx.getOrCreateContext();
        Heard first = twoReadyCalls(loop).get(0);
        fake.sockets.get(0).close();
        await().until(() -> first.closedCalls == 1);
        Heard third = new Heard();
        open(loop, "CA3", third);
        await().until(() -> !third.messages.isEmpty());

        List<String> presented = fake.sockets.stream().map(socket -> socket.headers().get("Authorization")).toList();
        assertThat(presented).hasSize(2).doesNotHaveDuplicates().allSatisfy(header -> assertThat(
                coreSide.verifyHeader(header, InternalCredentials.CORE_AUDIENCE))
                .isEqualTo(InternalCredentials.Verdict.ACCEPTED));
    }

    @Test
    void closingAConversationTellsTheCoreAndNothingMoreIsSent() throws Exception {
        Context loop = vertx.getOrCreateContext();
        Heard heard = new Heard();
        CoreConversation conversation = open(loop, "CA1", heard);
        conversation.send(new SessionMessage.End("stop"));
        conversation.close();
        conversation.sendAudio(Buffer.buffer("AAAA"));
        conversation.send(new SessionMessage.Dtmf("1"));
        await().until(() -> heard.closedCalls == 1);
        assertThat(conversation.isWritable()).isFalse();

        open(loop, "CA2", new Heard()); // its start follows anything conversation 1 might still have sent
        await().until(() -> coreReceived().contains("0/2/C"));
        assertThat(coreReceived()).containsExactly("0/1/C", "0/1/C", "0/1/X", "0/2/C");
    }
}
