package dev.voiceagent.core.session;

import dev.voiceagent.core.metrics.CoreMetrics;
import dev.voiceagent.session.CoreConversation;
import io.quarkus.websockets.next.InboundProcessingMode;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.impl.ContextInternal;

/**
 * The session protocol's server side: a gateway's conversations socket, carrying many conversations as records
 * (see {@code ConversationRecords}). Everything runs on the socket's event loop; the socket's
 * {@link GatewayConnection} lives in its user data, so no map of sockets is consulted per message.
 */
// CONCURRENT: the handlers are non-blocking and run on the connection's event loop, which already serialises them;
// the default SERIAL mode adds a per-message limiter (seen in the load benchmark's profile).
@WebSocket(path = CoreConversation.PATH, inboundProcessingMode = InboundProcessingMode.CONCURRENT)
public class ConversationEndpoint {

    private static final TypedKey<GatewayConnection> GATEWAY = new TypedKey<>("gateway");

    private final ConversationRegistry registry;
    private final CoreMetrics metrics;

    public ConversationEndpoint(ConversationRegistry registry, CoreMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
    }

    @OnOpen
    @NonBlocking
    void onOpen(WebSocketConnection connection) {
        ContextInternal context = (ContextInternal) Vertx.currentContext();
        connection.userData().put(GATEWAY, new GatewayConnection(connection, context, registry, metrics));
    }

    @OnBinaryMessage
    @NonBlocking
    void onRecords(Buffer message, WebSocketConnection connection) {
        connection.userData().get(GATEWAY).onMessage(message);
    }

    @OnTextMessage
    @NonBlocking
    void onText(String text, WebSocketConnection connection) {
        connection.userData().get(GATEWAY).onText();
    }

    @OnClose
    void onClose(WebSocketConnection connection) {
        GatewayConnection gateway = connection.userData().get(GATEWAY);
        if (gateway != null) {
            gateway.onClosed();
        }
    }
}
