package dev.voiceagent.telephony.call;

import dev.voiceagent.session.EventLoops;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.InboundProcessingMode;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
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
    private static final int TOO_BIG = 1009;
    private static final int SERVER_ERROR = 1011;
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
     * Failures on the stream. The websocket layer's are the client's doing: a message beyond
     * {@code quarkus.websockets-next.server.max-message-size} (one frame or several) is closed with 1009; a frame
     * beyond {@code max-frame-size} or a broken one has already cost the connection (the client sees 1006). Either
     * way one WARN line, no stack trace. Anything else on an open stream is a fault of ours: logged with its stack
     * trace, and the call ends with 1011; the peer going away (a reset, a write after it left) is not a fault.
     */
    @OnError
    @NonBlocking
    void onError(Throwable failure, WebSocketConnection connection) {
        int code = closeCode(failure);
        if (code == SERVER_ERROR) {
            if (connection.isOpen() && !(failure instanceof IOException || failure instanceof HttpClosedException)) {
                LOG.errorf(failure, "media stream failed");
                streamOf(connection).ifPresent(stream -> stream.call().onTwilioRefused("gateway_error", code));
            } else {
                LOG.debugf("media stream failure as the peer left: %s", failure);
            }
            return;
        }
        String kind = code == TOO_BIG ? "oversized" : "websocket_protocol";
        services.metrics().badInput(kind);
        LOG.warnf("closing a media stream (%d): %s", code, failure.getMessage());
        streamOf(connection).ifPresent(stream -> stream.call().onTwilioRefused(kind, code));
    }

    /** Vert.x reports a message over its size limit as an IllegalStateException, with this in its text. */
    static int closeCode(Throwable failure) {
        if (failure instanceof CorruptedWebSocketFrameException corrupted) {
            return corrupted.closeStatus().code();
        }
        return String.valueOf(failure.getMessage()).contains("max message size") ? TOO_BIG : SERVER_ERROR;
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
