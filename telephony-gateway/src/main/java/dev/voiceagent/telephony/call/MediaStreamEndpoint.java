package dev.voiceagent.telephony.call;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.InboundProcessingMode;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Twilio Media Streams at {@code /media-stream}. Each connection gets its own {@link TwilioCall}, kept in the
 * connection's user data; every callback runs on the connection's event loop.
 */
// CONCURRENT: the handlers are non-blocking and run on the connection's event loop, which already serialises them;
// the default SERIAL mode adds a per-message limiter (seen in the load benchmark's profile).
@WebSocket(path = "/media-stream", inboundProcessingMode = InboundProcessingMode.CONCURRENT)
public class MediaStreamEndpoint {

    private static final Logger LOG = Logger.getLogger(MediaStreamEndpoint.class);
    private static final TypedKey<TwilioCall> CALL = new TypedKey<>("twilio-call");

    private final CallServices services;

    public MediaStreamEndpoint(CallServices services) {
        this.services = services;
    }

    /** The call a media-stream connection carries, if it is one. */
    static Optional<TwilioCall> callOf(WebSocketConnection connection) {
        return Optional.ofNullable(connection.userData().get(CALL));
    }

    @OnOpen
    @NonBlocking
    void onOpen(WebSocketConnection connection) {
        connection.userData().put(CALL, new TwilioCall(new ConnectionSocket(connection), services));
    }

    @OnTextMessage
    @NonBlocking
    void onText(String text, WebSocketConnection connection) {
        connection.userData().get(CALL).onTwilioText(text);
    }

    @OnClose
    @NonBlocking
    void onClose(WebSocketConnection connection) {
        TwilioCall call = connection.userData().get(CALL);
        if (call != null) {
            call.onTwilioClosed();
        }
    }

    /** Writes to Twilio without waiting; a failed write means the call is gone, which onClose handles. */
    private record ConnectionSocket(WebSocketConnection connection) implements TwilioSocket {
        @Override
        public void send(String message) {
            if (connection.isOpen()) {
                connection.sendText(message).subscribe().with(ok -> {
                }, failure -> LOG.debugf("write to Twilio failed: %s", failure.getMessage()));
            }
        }

        @Override
        public void close(int code, String reason) {
            if (connection.isOpen()) {
                connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {
                }, failure -> LOG.debugf("close failed: %s", failure.getMessage()));
            }
        }
    }
}
