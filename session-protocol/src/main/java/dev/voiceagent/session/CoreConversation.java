package dev.voiceagent.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;

/**
 * A gateway's end of one conversation socket to realtime-core. Callbacks run on the socket's event loop, in
 * the order frames arrived, so audio and the {@code audio.item} messages that label it stay in sequence.
 */
public final class CoreConversation {

    /** What the core says. */
    public interface Listener {
        void onMessage(SessionMessage.FromCore message);

        /** A binary frame: base64 text of assistant audio for the current {@code audio.item}. */
        void onAudio(Buffer base64Audio);

        /** The socket closed, for whatever reason; called once. */
        void onClosed();

        /** The core sent a frame this gateway does not understand. */
        default void onProtocolError(ProtocolException e) {
        }
    }

    public static final String PATH = "/v1/conversation";

    private final WebSocket socket;

    private CoreConversation(WebSocket socket) {
        this.socket = socket;
    }

    /** Opens the socket at {@code coreBaseUrl + /v1/conversation} and sends {@code start}. */
    public static Future<CoreConversation> open(WebSocketClient client, URI coreBaseUrl,
            SessionMessage.Start start, Listener listener) {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(websocketUrl(coreBaseUrl).toString());
        return client.connect(options).map(socket -> {
            socket.textMessageHandler(text -> {
                try {
                    if (SessionCodec.decode(text) instanceof SessionMessage.FromCore message) {
                        listener.onMessage(message);
                    } else {
                        listener.onProtocolError(new ProtocolException("not a core message: " + text, null));
                    }
                } catch (ProtocolException e) {
                    listener.onProtocolError(e);
                }
            });
            socket.binaryMessageHandler(listener::onAudio);
            socket.closeHandler(ignored -> listener.onClosed());
            socket.exceptionHandler(ignored -> socket.close());
            socket.writeTextMessage(SessionCodec.encode(start));
            return new CoreConversation(socket);
        });
    }

    /** The conversation socket's URL for a core given by its HTTP base URL ({@code http} becomes {@code ws}). */
    public static URI websocketUrl(URI coreBaseUrl) {
        String scheme = switch (coreBaseUrl.getScheme()) {
            case "https", "wss" -> "wss";
            default -> "ws";
        };
        return URI.create(scheme + "://" + coreBaseUrl.getRawAuthority() + PATH);
    }

    /**
     * Creates a client suited to conversation sockets (large frames, no compression). Every call of a gateway goes
     * to the same core host, so the per-host socket limit (Vert.x's default is 50) must not cap concurrent calls.
     */
    public static WebSocketClient newClient(Vertx vertx) {
        return vertx.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions()
                .setMaxConnections(Integer.MAX_VALUE)
                .setMaxFrameSize(1 << 20)
                .setMaxMessageSize(4 << 20)
                .setConnectTimeout(5_000));
    }

    /** Sends base64 text of caller audio as one binary frame. */
    public void sendAudio(Buffer base64Audio) {
        if (!socket.isClosed()) {
            socket.writeBinaryMessage(base64Audio);
        }
    }

    public void send(SessionMessage.FromGateway message) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(SessionCodec.encode(message));
        }
    }

    /** True while the socket is open and has room in its write queue (back-pressure signal). */
    public boolean isWritable() {
        return !socket.isClosed() && !socket.writeQueueFull();
    }

    public void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
    }
}
