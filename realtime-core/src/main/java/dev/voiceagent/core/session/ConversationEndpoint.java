package dev.voiceagent.core.session;

import dev.voiceagent.core.metrics.CoreMetrics;
import dev.voiceagent.session.CoreConversation;
import dev.voiceagent.session.ProtocolException;
import dev.voiceagent.session.SessionCodec;
import dev.voiceagent.session.SessionMessage;
import io.quarkus.websockets.next.InboundProcessingMode;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/**
 * The session protocol's server side: one websocket per conversation. Everything runs on the connection's event
 * loop; the conversation itself lives in the connection's user data, so no map is consulted per frame.
 */
// CONCURRENT: the handlers are non-blocking and run on the connection's event loop, which already serialises them;
// the default SERIAL mode adds a per-message limiter (seen in the load benchmark's profile).
@WebSocket(path = CoreConversation.PATH, inboundProcessingMode = InboundProcessingMode.CONCURRENT)
public class ConversationEndpoint {

    private static final TypedKey<Conversation> CONVERSATION = new TypedKey<>("conversation");

    private final ConversationRegistry registry;
    private final CoreMetrics metrics;

    public ConversationEndpoint(ConversationRegistry registry, CoreMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
    }

    @OnTextMessage
    @NonBlocking
    void onText(String text, WebSocketConnection connection) {
        SessionMessage message;
        try {
            message = SessionCodec.decode(text);
        } catch (ProtocolException e) {
            protocolError(connection, "protocol", e.getMessage(), conversationOf(connection) == null);
            return;
        }
        if (message instanceof SessionMessage.Start start && start.version() != SessionMessage.VERSION) {
            protocolError(connection, "unsupported_version", "this core speaks version " + SessionMessage.VERSION
                    + " of the session protocol, not " + start.version(), true);
            return;
        }
        Conversation conversation = conversationOf(connection);
        if (conversation == null) {
            if (message instanceof SessionMessage.Start start) {
                begin(start, connection);
            } else {
                protocolError(connection, "protocol", "the first message must be start", true);
            }
        } else if (message instanceof SessionMessage.FromGateway fromGateway) {
            conversation.onGatewayMessage(fromGateway);
        } else {
            protocolError(connection, "protocol", "not a gateway message: " + text, false);
        }
    }

    @OnBinaryMessage
    @NonBlocking
    void onAudio(Buffer audio, WebSocketConnection connection) {
        Conversation conversation = conversationOf(connection);
        if (conversation == null) {
            protocolError(connection, "protocol", "audio before start", true);
            return;
        }
        conversation.onGatewayAudio(audio);
    }

    @OnClose
    void onClose(WebSocketConnection connection) {
        Conversation conversation = conversationOf(connection);
        if (conversation != null) {
            conversation.onGatewayClosed();
        }
    }

    private void begin(SessionMessage.Start start, WebSocketConnection connection) {
        GatewayLink link = new GatewayConnectionLink(connection);
        Optional<Conversation> prewarmed = start.sessionRef() == null
                ? Optional.empty()
                : registry.claim(start.sessionRef());
        Conversation conversation;
        if (prewarmed.isPresent()) {
            conversation = prewarmed.get();
        } else {
            ConversationRegistry.Opened opened = registry.open(start, Vertx.currentContext());
            if (opened instanceof ConversationRegistry.Refused refused) {
                link.send(new SessionMessage.Error(refused.refusal().code(), refused.refusal().message(), true));
                link.send(new SessionMessage.End(refused.refusal().code()));
                link.close();
                return;
            }
            conversation = ((ConversationRegistry.Accepted) opened).conversation();
        }
        connection.userData().put(CONVERSATION, conversation);
        conversation.attach(link);
    }

    private void protocolError(WebSocketConnection connection, String code, String detail, boolean fatal) {
        metrics.badInput("session_protocol");
        GatewayLink link = new GatewayConnectionLink(connection);
        link.send(new SessionMessage.Error(code, detail, fatal));
        if (fatal) {
            link.send(new SessionMessage.End(code));
            link.close();
        }
    }

    private static Conversation conversationOf(WebSocketConnection connection) {
        return connection.userData().get(CONVERSATION);
    }
}
