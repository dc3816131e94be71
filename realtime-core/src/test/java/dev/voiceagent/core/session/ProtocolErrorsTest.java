package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.Test;

/** A gateway that breaks the session protocol gets a clear error, and a clean close where it cannot go on. */
@QuarkusTest
@QuarkusTestResource(FakeOpenAiResource.class)
class ProtocolErrorsTest {

    @TestHTTPResource("/")
    URI core;

    @Inject
    Vertx vertx;

    private final List<SessionMessage> received = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private WebSocket rawSocket() throws Exception {
        WebSocket socket = vertx.createWebSocketClient().connect(new WebSocketConnectOptions()
                        .setAbsoluteURI(CoreConversation.websocketUrl(core).toString()))
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        socket.textMessageHandler(text -> received.add(SessionCodec.decode(text)));
        socket.closeHandler(v -> closed = true);
        return socket;
    }

    private SessionMessage.Error awaitError() {
        return await().until(() -> received.stream().filter(SessionMessage.Error.class::isInstance)
                .map(SessionMessage.Error.class::cast).findFirst().orElse(null), e -> e != null);
    }

    @Test
    void audioBeforeStartIsRefused() throws Exception {
        rawSocket().writeBinaryMessage(Buffer.buffer("AAAA"));
        assertThat(awaitError().fatal()).isTrue();
        await().until(() -> closed);
    }

    @Test
    void anUnknownMessageTypeIsAnError() throws Exception {
        rawSocket().writeTextMessage("{\"type\":\"teleport\"}");
        assertThat(awaitError().code()).isEqualTo("protocol");
        await().until(() -> closed);
    }

    @Test
    void anotherProtocolVersionIsRefusedByName() throws Exception {
        rawSocket().writeTextMessage("{\"type\":\"start\",\"version\":2,\"channel\":\"phone\",\"codec\":\"pcmu\"}");
        assertThat(awaitError().code()).isEqualTo("unsupported_version");
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
                dev.voiceagent.session.AudioCodec.PCMU, null, "CA-x", "MZ-x", null, null, "ghost");
        try (TestGateway gateway = TestGateway.withStart(vertx, core, start)) {
            SessionMessage.Error error = gateway.awaitMessage(SessionMessage.Error.class);
            assertThat(error.code()).isEqualTo("unknown_agent");
            assertThat(error.message()).contains("ghost");
        }
    }
}
