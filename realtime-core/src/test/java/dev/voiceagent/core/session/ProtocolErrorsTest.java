package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.session.ConversationRecords;
import dev.voiceagent.session.CoreConversation;
import dev.voiceagent.session.SessionCodec;
import dev.voiceagent.session.SessionMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A gateway that breaks the session protocol gets a clear error, and a clean close where it cannot go on. */
@QuarkusTest
@QuarkusTestResource(FakeOpenAiResource.class)
class ProtocolErrorsTest {

    @TestHTTPResource("/")
    URI core;

    @Inject
    Vertx vertx;

    /** What came back on the raw socket: one entry per record. */
    private record Received(int conversation, byte kind, String payload) {
        SessionMessage message() {
            return SessionCodec.decode(Buffer.buffer(payload));
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private final List<WebSocket> sockets = new CopyOnWriteArrayList<>();

    /** A raw socket left open would keep its conversations running into the next test. */
    @AfterEach
    void closeSockets() {
        sockets.forEach(WebSocket::close);
    }

    private WebSocket rawSocket() throws Exception {
        WebSocket socket = vertx.createWebSocketClient().connect(new WebSocketConnectOptions()
                        .setAbsoluteURI(CoreConversation.websocketUrl(core).toString()))
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        socket.binaryMessageHandler(message -> ConversationRecords.read(message,
                (conversation, kind, payload) -> received.add(new Received(conversation, kind, payload.toString()))));
        socket.closeHandler(v -> closed = true);
        sockets.add(socket);
        return socket;
    }

    private static Buffer record(int conversation, byte kind, String payload) {
        Buffer message = Buffer.buffer();
        ConversationRecords.append(message, conversation, kind, Buffer.buffer(payload));
        return message;
    }

    private static String start(int version, String callId) {
        return "{\"type\":\"start\",\"version\":" + version + ",\"channel\":\"phone\",\"codec\":\"pcmu\","
                + "\"callId\":\"" + callId + "\",\"streamId\":\"MZ" + callId + "\"}";
    }

    private SessionMessage awaitMessage(int conversation, Class<? extends SessionMessage> type) {
        return await().until(() -> received.stream()
                .filter(r -> r.conversation() == conversation && r.kind() == ConversationRecords.CONTROL)
                .map(Received::message).filter(type::isInstance).findFirst().orElse(null), m -> m != null);
    }

    private void awaitClosedRecord(int conversation) {
        await().until(() -> received.contains(new Received(conversation, ConversationRecords.CLOSED, "")));
    }

    @Test
    void audioBeforeStartIsRefusedInThatConversationOnly() throws Exception {
        WebSocket socket = rawSocket();
        socket.writeBinaryMessage(record(1, ConversationRecords.AUDIO, "AAAA"));
        SessionMessage.Error error = (SessionMessage.Error) awaitMessage(1, SessionMessage.Error.class);
        assertThat(error.fatal()).isTrue();
        assertThat(error.message()).isEqualTo("audio before start");
        awaitMessage(1, SessionMessage.End.class);
        awaitClosedRecord(1);

        socket.writeBinaryMessage(record(2, ConversationRecords.CONTROL, start(SessionMessage.VERSION, "CA-next")));
        awaitMessage(2, SessionMessage.Ready.class);
        assertThat(closed).isFalse();
    }

    @Test
    void anUnknownMessageTypeIsAnError() throws Exception {
        rawSocket().writeBinaryMessage(record(1, ConversationRecords.CONTROL, "{\"type\":\"teleport\"}"));
        assertThat(((SessionMessage.Error) awaitMessage(1, SessionMessage.Error.class)).code()).isEqualTo("protocol");
        awaitClosedRecord(1);
    }

    @Test
    void anotherProtocolVersionIsRefusedByName() throws Exception {
        rawSocket().writeBinaryMessage(record(1, ConversationRecords.CONTROL, start(1, "CA-v1")));
        assertThat(((SessionMessage.Error) awaitMessage(1, SessionMessage.Error.class)).code())
                .isEqualTo("unsupported_version");
        awaitClosedRecord(1);
    }

    @Test
    void recordsOfAConversationThatEndedAreDropped() throws Exception {
        WebSocket socket = rawSocket();
        socket.writeBinaryMessage(record(1, ConversationRecords.CONTROL, start(SessionMessage.VERSION, "CA-late")));
        awaitMessage(1, SessionMessage.Ready.class);
        socket.writeBinaryMessage(record(1, ConversationRecords.CLOSED, ""));
        socket.writeBinaryMessage(record(1, ConversationRecords.AUDIO, "AAAA"));
        socket.writeBinaryMessage(record(2, ConversationRecords.CONTROL, start(SessionMessage.VERSION, "CA-after")));
        awaitMessage(2, SessionMessage.Ready.class);
        assertThat(received).noneMatch(r -> r.conversation() == 1 && r.kind() == ConversationRecords.CONTROL
                && r.message() instanceof SessionMessage.Error);
    }

    @Test
    void brokenFramingClosesTheSocket() throws Exception {
        rawSocket().writeBinaryMessage(Buffer.buffer(new byte[] {0, 0, 0, 1, 'C'}));
        await().until(() -> closed);
    }

    @Test
    void aTextMessageClosesTheSocket() throws Exception {
        rawSocket().writeTextMessage(start(SessionMessage.VERSION, "CA-text"));
        await().until(() -> closed);
    }

    @Test
    void malformedAudioIsRefusedWithoutEndingTheCall() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-bad-audio", null).awaitReady()) {
            gateway.sendAudio("not base64!");
            assertThat(gateway.awaitMessage(SessionMessage.Error.class).code()).isEqualTo("bad_audio");
            assertThat(gateway.isClosed()).isFalse();
        }
    }

    @Test
    void anUnknownAgentIsRefusedByName() throws Exception {
        var start = new SessionMessage.Start(SessionMessage.VERSION, dev.voiceagent.session.Channel.PHONE,
                dev.voiceagent.session.AudioCodec.PCMU, null, "CA-x", "MZ-x", null, null, "ghost", null);
        try (TestGateway gateway = TestGateway.withStart(vertx, core, start)) {
            SessionMessage.Error error = gateway.awaitMessage(SessionMessage.Error.class);
            assertThat(error.code()).isEqualTo("unknown_agent");
            assertThat(error.message()).contains("ghost");
        }
    }
}
