package dev.voiceagent.web.e2e;

import dev.voiceagent.testsupport.websocket.ServerFirstWebSocket;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A client that writes Engine.IO/Socket.IO frames by hand over a websocket, to send what well-behaved clients never
 * do. It records every text frame the server sends and how the socket closed.
 */
final class RawSocketIoClient implements AutoCloseable {

    private final WebSocketClient client;
    private final WebSocket socket;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile Short closeCode;
    private volatile boolean answeringPings;

    private RawSocketIoClient(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(text -> {
            received.add(text);
            if (answeringPings && text.equals("2")) {
                socket.writeTextMessage("3"); // Engine.IO 4: the server pings, the client pongs
            }
        });
        socket.exceptionHandler(error -> received.add("client error: " + error.getMessage())); // e.g. a reset
        socket.closeHandler(v -> closeCode = socket.closeStatusCode() == null ? -1 : socket.closeStatusCode());
    }

    /** Opens {@code /realtime-voice/?EIO=4&transport=websocket}, with an Origin header when given. */
    static RawSocketIoClient open(Vertx vertx, URI gateway, String origin) throws Exception {
        return open(vertx, gateway, origin == null ? Map.of() : Map.of("Origin", origin));
    }

    /** Opens {@code /realtime-voice/?EIO=4&transport=websocket} with these request headers. */
    static RawSocketIoClient open(Vertx vertx, URI gateway, Map<String, String> headers) throws Exception {
        return open(vertx, gateway, headers, new WebSocketClientOptions());
    }

    /** The same, with a TCP receive buffer this small: a client that stops reading stalls the server's writes soon. */
    static RawSocketIoClient openWithReceiveBuffer(Vertx vertx, URI gateway, int bytes) throws Exception {
        return open(vertx, gateway, Map.of(), new WebSocketClientOptions().setReceiveBufferSize(bytes));
    }

    private static RawSocketIoClient open(Vertx vertx, URI gateway, Map<String, String> headers,
            WebSocketClientOptions clientOptions) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(clientOptions.setMaxFrameSize(1 << 22)
                .setMaxMessageSize(1 << 22));
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(gateway.getHost())
                .setPort(gateway.getPort()).setURI("/realtime-voice/?EIO=4&transport=websocket");
        headers.forEach(options::addHeader);
        return ServerFirstWebSocket.connect(vertx, client, options, socket -> new RawSocketIoClient(client, socket),
                Duration.ofSeconds(10));
    }

    /** A client past the handshake: open packet read, CONNECT sent with this auth payload (JSON, or empty). */
    RawSocketIoClient connect(String auth) {
        try {
            Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                    .atMost(Duration.ofSeconds(5)).until(() -> received.stream().anyMatch(p -> p.startsWith("0{")));
        } catch (ConditionTimeoutException e) {
            // Says what the socket did instead, so a rare failure can be read from the report alone.
            throw new AssertionError("no Engine.IO open packet within 5 s; received " + received + ", closed "
                    + (isClosed() ? "with " + closeCode : "no"), e);
        }
        sendText("40" + auth);
        return this;
    }

    /** Answers the server's heartbeat pings from now on, as every real client does. */
    RawSocketIoClient answeringPings() {
        answeringPings = true;
        return this;
    }

    /** Stops reading from the socket: what the server sends stays in the network. */
    void stopReading() {
        socket.pause();
    }

    void sendText(String packet) {
        socket.writeTextMessage(packet);
    }

    void sendBinary(byte[] attachment) {
        socket.writeBinaryMessage(Buffer.buffer(attachment));
    }

    List<String> received() {
        return List.copyOf(received);
    }

    boolean isClosed() {
        return closeCode != null;
    }

    Short closeCode() {
        return closeCode;
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
        client.close();
    }
}
