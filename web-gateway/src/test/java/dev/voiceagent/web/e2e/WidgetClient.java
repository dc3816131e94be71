package dev.voiceagent.web.e2e;

import io.socket.client.IO;
import io.socket.client.Socket;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.json.JSONObject;

/**
 * The widget's side of the wire, played by the Socket.IO organisation's Java client: it emits and records
 * {@code message} envelopes exactly as the original widget does.
 */
final class WidgetClient implements AutoCloseable {

    record Received(String event, Object data) {
    }

    private final Socket socket;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> connectErrors = new CopyOnWriteArrayList<>();

    WidgetClient(URI gateway, String[] transports, Map<String, String> auth) {
        this(gateway, transports, auth, Map.of());
    }

    /** @param headers request headers of every HTTP request and upgrade, e.g. an Origin or X-Forwarded-For */
    WidgetClient(URI gateway, String[] transports, Map<String, String> auth, Map<String, String> headers) {
        Map<String, List<String>> extraHeaders = new HashMap<>();
        headers.forEach((name, value) -> extraHeaders.put(name, List.of(value)));
        IO.Options options = IO.Options.builder()
                .setPath("/realtime-voice")
                .setTransports(transports)
                .setReconnection(false)
                .setAuth(auth)
                .setExtraHeaders(extraHeaders)
                .build();
        socket = IO.socket(gateway, options);
        socket.on("message", args -> {
            JSONObject envelope = (JSONObject) args[0];
            received.add(new Received(envelope.getString("event"), envelope.opt("data")));
        });
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> connectErrors.add(
                args.length > 0 && args[0] instanceof JSONObject error ? error.optString("message") : "error"));
        socket.connect();
    }

    static WidgetClient connect(URI gateway, String... transports) {
        return connect(new WidgetClient(gateway, transports, Map.of()), transports);
    }

    /** A websocket client whose requests carry these headers, connected. */
    static WidgetClient connectWithHeaders(URI gateway, Map<String, String> headers) {
        return connect(new WidgetClient(gateway, new String[] {"websocket"}, Map.of(), headers), "websocket");
    }

    private static WidgetClient connect(WidgetClient client, String... transports) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
        } catch (ConditionTimeoutException e) {
            // Say what the client saw, so that a rare failed connect can be told apart from a refused one.
            throw new AssertionError("not connected over " + String.join(",", transports) + " within 10 s; "
                    + "connect errors: " + client.connectErrors, e);
        }
        return client;
    }

    boolean isConnected() {
        return socket.connected();
    }

    List<String> connectErrors() {
        return connectErrors;
    }

    void send(String event, Object data) {
        socket.emit("message", new JSONObject().put("event", event).put("data", data == null ? JSONObject.NULL : data));
    }

    void sendWithoutData(String event) {
        socket.emit("message", new JSONObject().put("event", event));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String event) {
        return received.stream().filter(r -> r.event().equals(event)).toList();
    }

    /** Waits for the first envelope of this event and returns it. */
    Received await(String event) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> received(event).stream().findFirst().orElse(null),
                r -> r != null);
    }

    /** The assistant audio received after the {@code ASSISTANT_AUDIO_ITEM} naming this item, joined. */
    byte[] audioOf(String itemId) {
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        boolean inItem = false;
        for (Received r : received) {
            if (r.event().equals("ASSISTANT_AUDIO_ITEM")) {
                inItem = ((JSONObject) r.data()).getString("itemId").equals(itemId);
            } else if (inItem && r.event().equals("ASSISTANT_AUDIO_CHUNK")) {
                audio.writeBytes((byte[]) r.data());
            }
        }
        return audio.toByteArray();
    }

    void disconnect() {
        socket.disconnect();
    }

    @Override
    public void close() {
        socket.disconnect();
        socket.close();
    }
}
