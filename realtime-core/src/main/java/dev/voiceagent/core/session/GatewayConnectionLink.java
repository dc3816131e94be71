package dev.voiceagent.core.session;

import dev.voiceagent.session.SessionCodec;
import dev.voiceagent.session.SessionMessage;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import org.jboss.logging.Logger;

/** A gateway's websocket, as a conversation sees it. */
final class GatewayConnectionLink implements GatewayLink {

    private static final Logger LOG = Logger.getLogger(GatewayConnectionLink.class);

    private final WebSocketConnection connection;

    GatewayConnectionLink(WebSocketConnection connection) {
        this.connection = connection;
    }

    @Override
    public void send(SessionMessage.FromCore message) {
        if (connection.isOpen()) {
            connection.sendText(SessionCodec.encode(message)).subscribe().with(ok -> {
            }, this::failed);
        }
    }

    @Override
    public void sendAudio(Buffer base64Audio) {
        if (connection.isOpen()) {
            connection.sendBinary(base64Audio).subscribe().with(ok -> {
            }, this::failed);
        }
    }

    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.close().subscribe().with(ok -> {
            }, this::failed);
        }
    }

    private void failed(Throwable failure) {
        LOG.debugf("write to gateway connection %s failed: %s", connection.id(), failure.getMessage());
    }
}
