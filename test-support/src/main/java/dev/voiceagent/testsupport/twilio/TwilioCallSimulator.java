package dev.voiceagent.testsupport.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Places one call the way Twilio does: a signed voice webhook, then the media stream the TwiML names, signed
 * too; {@code connected} and {@code start}, a 160-byte mu-law frame every 20 ms in real time, marks echoed only
 * after the audio before them has played, {@code clear} honoured, {@code stop} at hang-up. Records what it
 * received and played for assertions; getters are thread-safe.
 */
public final class TwilioCallSimulator {

    /**
     * @param webhookTarget where to POST the webhook (the local gateway)
     * @param publicWebhookUrl the URL Twilio believes it requested, which it signs
     * @param authToken account token, or null to send no signature
     * @param streamTarget maps the public stream URL of the TwiML to the local address to connect to
     */
    public record Call(URI webhookTarget, String publicWebhookUrl, String authToken, String from, String callSid,
            Function<URI, URI> streamTarget, AudioSource voice) {
    }

    /** Something the gateway sent that Twilio would refuse. */
    public record Violation(String problem, String message) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT_SID = "AC00000000000000000000000000000000";

    private final Vertx vertx;
    private final Call call;
    private final String streamSid = "MZ" + Long.toHexString(System.nanoTime()) + "0000000000000000";
    private final Object lock = new Object();
    private final PlayoutBuffer playout = new PlayoutBuffer();
    private final ByteArrayOutputStream receivedAudio = new ByteArrayOutputStream();
    private final List<Violation> violations = new CopyOnWriteArrayList<>();
    private final List<String> echoedMarks = new CopyOnWriteArrayList<>();
    private final List<Clear> clears = new CopyOnWriteArrayList<>();
    private volatile int webhookStatus;
    private volatile Map<String, String> streamParameters = Map.of();
    private volatile WebSocket socket;
    private volatile boolean streaming = true;
    private volatile Short serverCloseCode;
    private volatile boolean closed;
    private final AtomicLong sequenceNumber = new AtomicLong();
    private long mediaChunks;
    private long startNanos;

    /** Observes outbound audio and clears as they arrive, for load measurements. Called on the socket's loop. */
    public interface MediaTap {
        void media(byte[] audio, long receivedNanos);

        void clear(long receivedNanos);
    }

    private volatile MediaTap tap;

    /** Sets the tap; call before {@link #placeCall()}. */
    public TwilioCallSimulator tap(MediaTap mediaTap) {
        this.tap = mediaTap;
        return this;
    }

    /** When a {@code clear} arrived and how much queued audio it dropped. */
    public record Clear(long nanoTime, long playedMsBefore, long droppedMs) {
    }

    public TwilioCallSimulator(Vertx vertx, Call call) {
        this.vertx = vertx;
        this.call = call;
    }

    /** Posts the webhook; when the TwiML connects a stream, opens it and starts talking. */
    public Future<Void> placeCall() {
        return postWebhook().compose(this::follow);
    }

    /**
     * Runs TwiML Twilio got for this call elsewhere: an outbound call's answer URL, or a later answer (a Dial's action):
     * opens the stream its {@code <Connect><Stream>} names, with its parameters, and starts talking. Use a new simulator
     * for each stream of the call: each is one stream, with its own stream SID.
     */
    public Future<Void> follow(String twiml) {
        TwimlStream stream = TwimlStream.parse(twiml);
        streamParameters = stream.parameters();
        return connect(stream.url());
    }

    /** Posts the webhook and returns the parameters its TwiML gives the stream, without opening the stream. */
    public Future<Map<String, String>> answerWebhook() {
        return postWebhook().map(twiml -> {
            streamParameters = TwimlStream.parse(twiml).parameters();
            return streamParameters;
        });
    }

    /** Posts the webhook only and returns the TwiML body (or fails with the HTTP status). */
    public Future<String> postWebhook() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", call.callSid());
        params.put("AccountSid", ACCOUNT_SID);
        params.put("From", call.from());
        params.put("To", "+18005550199");
        params.put("Caller", call.from());
        params.put("Called", "+18005550199");
        params.put("Direction", "inbound");
        params.put("CallStatus", "ringing");
        params.put("ApiVersion", "2010-04-01");
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(call.webhookTarget().toString())
                .putHeader("Content-Type", "application/x-www-form-urlencoded")
                .putHeader("I-Twilio-Idempotency-Token", call.callSid());
        if (call.authToken() != null) {
            request.putHeader("X-Twilio-Signature", TwilioSignature.sign(call.authToken(), call.publicWebhookUrl(), params));
        }
        HttpClient client = vertx.createHttpClient();
        return client.request(request)
                .compose(req -> req.send(TwilioCallbacks.formEncode(params)))
                .compose(response -> response.body().compose(body -> {
                    webhookStatus = response.statusCode();
                    client.close();
                    return response.statusCode() == 200 ? Future.succeededFuture(body.toString())
                            : Future.failedFuture("webhook answered " + response.statusCode());
                }));
    }

    /** Opens the media stream at the public URL (mapped to its local address) and starts the call. */
    public Future<Void> connect(URI publicStreamUrl) {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(call.streamTarget().apply(publicStreamUrl).toString());
        if (call.authToken() != null) {
            options.addHeader("X-Twilio-Signature", TwilioSignature.sign(call.authToken(), publicStreamUrl.toString(),
                    Map.of()));
        }
        return vertx.createWebSocketClient().connect(options).map(ws -> {
            socket = ws;
            ws.textMessageHandler(this::onGatewayMessage);
            ws.closeHandler(v -> {
                closed = true;
                serverCloseCode = ws.closeStatusCode();
            });
            send(JSON.createObjectNode().put("event", "connected").put("protocol", "Call").put("version", "1.0.0"));
            sendStart();
            startNanos = System.nanoTime();
            scheduleTick(1);
            return null;
        });
    }

    private void sendStart() {
        ObjectNode start = envelope("start");
        ObjectNode body = start.putObject("start").put("streamSid", streamSid).put("accountSid", ACCOUNT_SID)
                .put("callSid", call.callSid());
        body.putArray("tracks").add("inbound");
        ObjectNode parameters = body.putObject("customParameters");
        streamParameters.forEach(parameters::put);
        body.putObject("mediaFormat").put("encoding", "audio/x-mulaw").put("sampleRate", 8000).put("channels", 1);
        send(start);
    }

    /** Every 20 ms, against the clock rather than after the previous tick, so the pace does not drift. */
    private void scheduleTick(long tick) {
        long due = startNanos + tick * 20_000_000L;
        long delayMs = Math.max(1, (due - System.nanoTime()) / 1_000_000);
        vertx.setTimer(delayMs, id -> {
            if (closed) {
                return;
            }
            if (streaming) {
                byte[] frame = call.voice().nextFrame(mediaChunks);
                if (frame != null) {
                    sendMedia(frame);
                }
            }
            playOneFrame().forEach(this::echoMark);
            scheduleTick(tick + 1);
        });
    }

    private List<String> playOneFrame() {
        synchronized (lock) {
            return playout.play(AudioSource.FRAME_BYTES);
        }
    }

    /**
     * The message Twilio sends, field for field as {@link #envelope} would build it, written by concatenation: the
     * simulators send 25 000 of these a second in the load benchmark, whose cores they share with the services.
     */
    private void sendMedia(byte[] frame) {
        mediaChunks++;
        String media = "{\"event\":\"media\",\"sequenceNumber\":\"" + sequenceNumber.incrementAndGet()
                + "\",\"streamSid\":\"" + streamSid + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\"" + mediaChunks
                + "\",\"timestamp\":\"" + (System.nanoTime() - startNanos) / 1_000_000 + "\",\"payload\":\""
                + Base64.getEncoder().encodeToString(frame) + "\"}}";
        if (socket != null && !socket.isClosed()) {
            socket.writeTextMessage(media);
        }
    }

    private void onGatewayMessage(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (Exception e) {
            violations.add(new Violation("not_json", text));
            return;
        }
        if (!streamSid.equals(message.path("streamSid").asText())) {
            violations.add(new Violation("wrong_stream_sid", text));
            return;
        }
        switch (message.path("event").asText()) {
            case "media" -> onMedia(message, text);
            case "mark" -> {
                String name = message.path("mark").path("name").asText(null);
                if (name == null) {
                    violations.add(new Violation("mark_without_name", text));
                    return;
                }
                synchronized (lock) {
                    playout.mark(name);
                }
            }
            case "clear" -> onClear();
            default -> violations.add(new Violation("unknown_event", text));
        }
    }

    private void onMedia(JsonNode message, String text) {
        byte[] audio;
        try {
            audio = Base64.getDecoder().decode(message.path("media").path("payload").asText(""));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("bad_base64", text));
            return;
        }
        synchronized (lock) {
            receivedAudio.writeBytes(audio);
            playout.enqueue(audio);
        }
        MediaTap current = tap;
        if (current != null) {
            current.media(audio, System.nanoTime());
        }
    }

    private void onClear() {
        List<String> pending = new ArrayList<>();
        synchronized (lock) {
            long playedBefore = playout.playedMs();
            long dropped = playout.clear(pending);
            clears.add(new Clear(System.nanoTime(), playedBefore, dropped));
        }
        MediaTap current = tap;
        if (current != null) {
            current.clear(System.nanoTime());
        }
        pending.forEach(this::echoMark);
    }

    private void echoMark(String name) {
        echoedMarks.add(name);
        ObjectNode mark = envelope("mark");
        mark.putObject("mark").put("name", name);
        send(mark);
    }

    /** Presses a key. */
    public void sendDtmf(String digit) {
        vertx.runOnContext(v -> {
            ObjectNode dtmf = envelope("dtmf");
            dtmf.putObject("dtmf").put("track", "inbound_track").put("digit", digit);
            send(dtmf);
        });
    }

    /** Sends any text, for malformed-input tests. */
    public void sendRaw(String text) {
        vertx.runOnContext(v -> {
            if (socket != null && !socket.isClosed()) {
                socket.writeTextMessage(text);
            }
        });
    }

    /** The caller falls silent (media stops, the call stays up). */
    public void stopMedia() {
        streaming = false;
    }

    /** Hangs up: {@code stop}, then the socket closes. */
    public void hangUp() {
        vertx.runOnContext(v -> {
            ObjectNode stop = envelope("stop");
            stop.putObject("stop").put("accountSid", ACCOUNT_SID).put("callSid", call.callSid());
            send(stop);
            closed = true;
            if (socket != null) {
                socket.close();
            }
        });
    }

    private ObjectNode envelope(String event) {
        return JSON.createObjectNode().put("event", event).put("sequenceNumber", Long.toString(sequenceNumber.incrementAndGet()))
                .put("streamSid", streamSid);
    }

    private void send(ObjectNode message) {
        if (socket != null && !socket.isClosed()) {
            socket.writeTextMessage(message.toString());
        }
    }

    // ---- what the test reads ----------------------------------------------------------------------------------

    public int webhookStatus() {
        return webhookStatus;
    }

    public Map<String, String> streamParameters() {
        return streamParameters;
    }

    public String streamSid() {
        return streamSid;
    }

    public long mediaFramesSent() {
        return mediaChunks;
    }

    public byte[] receivedAudio() {
        synchronized (lock) {
            return receivedAudio.toByteArray();
        }
    }

    public byte[] playedAudio() {
        synchronized (lock) {
            return playout.played();
        }
    }

    public long playedMs() {
        synchronized (lock) {
            return playout.playedMs();
        }
    }

    public List<Clear> clears() {
        return List.copyOf(clears);
    }

    public List<String> echoedMarks() {
        return List.copyOf(echoedMarks);
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public boolean isClosed() {
        return closed;
    }

    /** The close code the gateway sent, or null if the simulator closed first or none was given. */
    public Short serverCloseCode() {
        return serverCloseCode;
    }
}
