package dev.voiceagent.telephony.call;

import dev.voiceagent.session.EventLoops;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.InboundProcessingMode;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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
    private static final TypedKey<OpenStream> STREAM = new TypedKey<>("twilio-stream");

    /** A connection's call, the socket it writes through, and the event loop both are confined to. */
    record OpenStream(TwilioCall call, ConnectionSocket socket, Context context) {
        /** Safe from any thread. */
        void drain() {
            EventLoops.run(context, call::drain);
        }
    }

    private final CallServices services;

    public MediaStreamEndpoint(CallServices services) {
        this.services = services;
    }

    /** The call a media-stream connection carries, if it is one. */
    static Optional<OpenStream> streamOf(WebSocketConnection connection) {
        return Optional.ofNullable(connection.userData().get(STREAM));
    }

    @OnOpen
    @NonBlocking
    void onOpen(WebSocketConnection connection) {
        ConnectionSocket socket = new ConnectionSocket(connection);
        connection.userData().put(STREAM, new OpenStream(new TwilioCall(socket, services), socket,
                Vertx.currentContext()));
    }

    @OnTextMessage
    @NonBlocking
    void onText(String text, WebSocketConnection connection) {
        connection.userData().get(STREAM).call().onTwilioText(text);
    }

    @OnClose
    @NonBlocking
    void onClose(WebSocketConnection connection) {
        OpenStream stream = connection.userData().get(STREAM);
        if (stream != null) {
            stream.call().onTwilioClosed();
        }
    }

    /**
     * Writes to Twilio without waiting; a failed write means the call is gone, which onClose handles. Audio is
     * counted from the write until the socket has handed it to the network, on the connection's event loop.
     */
    static final class ConnectionSocket implements TwilioSocket {

        private final WebSocketConnection connection;
        /** Written on the event loop; the gauge reads it from elsewhere, an int so a stale read is still whole. */
        private int queuedAudioMs;

        ConnectionSocket(WebSocketConnection connection) {
            this.connection = connection;
        }

        @Override
        public void send(String message) {
            if (connection.isOpen()) {
                connection.sendText(message).subscribe().with(ok -> {
                }, failure -> LOG.debugf("write to Twilio failed: %s", failure.getMessage()));
            }
        }

        @Override
        public void sendAudio(String message, long audioMs) {
            if (connection.isOpen()) {
                int ms = (int) audioMs;
                queuedAudioMs += ms;
                connection.sendText(message).subscribe().with(ok -> queuedAudioMs -= ms, failure -> {
                    queuedAudioMs -= ms;
                    LOG.debugf("write to Twilio failed: %s", failure.getMessage());
                });
            }
        }

        @Override
        public long queuedAudioMs() {
            return queuedAudioMs;
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
