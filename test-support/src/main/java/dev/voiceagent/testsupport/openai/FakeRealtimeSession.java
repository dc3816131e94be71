package dev.voiceagent.testsupport.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One Realtime session of the fake: validates every client event as the real service does (answering an
 * {@code error} event and recording a violation), records everything with timestamps, and lets the test script
 * the server's side. Socket handlers and scripted actions all run on the session's event loop.
 */
public final class FakeRealtimeSession {

    /**
     * How the fake behaves beyond the protocol rules.
     *
     * @param answerResponseCreate whether {@code response.create} gets spoken audio; without it, the response is
     *        created and completes at once with no output, as the real API always answers with a response
     */
    public record Options(boolean answerResponseCreate, Duration defaultResponseAudio, boolean requireSessionUpdate,
            AudioTaps taps) {
        /** Answers {@code response.create} with 200 ms of audio; refuses audio before {@code session.update}. */
        public static Options defaults() {
            return new Options(true, Duration.ofMillis(200), true, null);
        }

        public Options withoutAutomaticResponses() {
            return new Options(false, defaultResponseAudio, requireSessionUpdate, taps);
        }

        /** Hands audio to the taps instead of recording it, so long load runs keep no audio in memory. */
        public Options withTaps(AudioTaps audioTaps) {
            return new Options(answerResponseCreate, defaultResponseAudio, requireSessionUpdate, audioTaps);
        }
    }

    /** Where audio goes when a load run measures it instead of keeping it. Called on the session's event loop. */
    public interface AudioTaps {
        void callerAudio(FakeRealtimeSession session, byte[] audio, long receivedNanos);

        void assistantAudioSent(FakeRealtimeSession session, byte[] audio, long sentNanos);
    }

    /** A client event that broke a rule, and the error code the fake answered with. */
    public record Violation(String code, String message, JsonNode event) {
    }

    public record Truncation(String itemId, long audioEndMs) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private final java.util.Map<String, Long> billed = new java.util.concurrent.ConcurrentHashMap<>();

    private final Context context;
    private final ServerWebSocket socket;
    private final HttpConnection connection;
    private final String model;
    private final Options options;
    private final AtomicInteger ids = new AtomicInteger();
    private final List<RecordedEvent> received = new CopyOnWriteArrayList<>();
    private final List<Violation> violations = new CopyOnWriteArrayList<>();
    private final List<Truncation> truncations = new CopyOnWriteArrayList<>();
    /** Items the client created, as accepted, in order. */
    private final List<JsonNode> createdItems = new CopyOnWriteArrayList<>();
    /** Function calls the conversation has (made by the model or created by the client): outputs must match one. */
    private final java.util.Set<String> callIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<byte[]> inputChunks = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream inputAudio = new ByteArrayOutputStream();
    private final Map<String, Long> outputBytesByItem = new HashMap<>();
    private final ObjectNode session;
    private volatile String inputFormat;
    private volatile boolean configured;
    private volatile long configuredAtNanos;
    private final long acceptedAtNanos = System.nanoTime();
    private volatile boolean open = true;
    private boolean audioExchanged;
    private int pendingInputBytes;
    private ScriptedResponse activeResponse;
    private final SessionFaults faults;

    FakeRealtimeSession(Context context, ServerWebSocket socket, HttpConnection connection, String model,
            Options options) {
        this.context = context;
        this.socket = socket;
        this.connection = connection;
        this.model = model;
        this.options = options;
        this.session = defaultSession(model);
        this.inputFormat = SessionUpdateRules.formatOf(session, "input");
        this.faults = new SessionFaults(this, context, socket, connection);
        socket.textMessageHandler(this::onClientEvent);
        socket.binaryMessageHandler(b -> violation("invalid_request_error", "binary frames are not supported", null));
        socket.closeHandler(v -> open = false);
        send(event("session.created").set("session", session.deepCopy()));
    }

    // ---- what the test reads ------------------------------------------------------------------------------

    public String model() {
        return model;
    }

    public boolean isOpen() {
        return open;
    }

    public boolean isConfigured() {
        return configured;
    }

    /** {@link System#nanoTime()} when the session's websocket was accepted. */
    public long acceptedAtNanos() {
        return acceptedAtNanos;
    }

    /** {@link System#nanoTime()} of the first accepted {@code session.update}, or 0. */
    public long configuredAtNanos() {
        return configuredAtNanos;
    }

    public List<RecordedEvent> received() {
        return List.copyOf(received);
    }

    /** Received events of one type, in order. */
    public List<JsonNode> received(String type) {
        return received.stream().filter(e -> e.type().equals(type)).map(RecordedEvent::json).toList();
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public List<Truncation> truncations() {
        return List.copyOf(truncations);
    }

    /** The conversation items the client created (messages, function calls and outputs), as accepted, in order. */
    public List<JsonNode> createdItems() {
        return List.copyOf(createdItems);
    }

    /** All caller audio appended so far, decoded, in order. */
    public byte[] inputAudio() {
        synchronized (inputAudio) {
            return inputAudio.toByteArray();
        }
    }

    public List<byte[]> inputChunks() {
        return List.copyOf(inputChunks);
    }

    /** The effective session configuration, as the last {@code session.updated} reported it. */
    public JsonNode sessionConfig() {
        return runAndGet(session::deepCopy);
    }

    /**
     * The session's input audio format type ({@code audio/pcm} unless configured). Kept up to date on every
     * {@code session.update} rather than read from the session's tree: the load benchmark asks for it per frame.
     */
    public String inputAudioFormat() {
        return inputFormat;
    }

    public int cancels() {
        return received("response.cancel").size();
    }

    // ---- scripting the server side --------------------------------------------------------------------------

    /** The caller started speaking; with {@code interrupt_response} on, the active response is cancelled. */
    public void speechStarted() {
        context.runOnContext(v -> {
            String itemId = nextId("item");
            send(event("input_audio_buffer.speech_started").put("audio_start_ms", 0).put("item_id", itemId));
            JsonNode vad = session.path("audio").path("input").path("turn_detection");
            if (activeResponse != null && !vad.isNull() && vad.path("interrupt_response").asBoolean(true)) {
                activeResponse.cancel("turn_detected");
            }
        });
    }

    public void speechStopped() {
        context.runOnContext(v -> send(event("input_audio_buffer.speech_stopped").put("audio_end_ms", 0)
                .put("item_id", nextId("item"))));
    }

    /** Streams assistant audio in one burst, faster than real time, as the API does. Returns the item id. */
    public String streamAssistantAudio(byte[] audio, int chunkBytes) {
        return streamAssistantAudio(audio, chunkBytes, Duration.ZERO, "");
    }

    /** Streams assistant audio with a pause between deltas, so a barge-in can land while it is in flight. */
    public String streamAssistantAudio(byte[] audio, int chunkBytes, Duration pause, String transcript) {
        String itemId = nextId("item");
        context.runOnContext(v -> startResponse(new ScriptedResponse(this, nextId("resp"), itemId, audio,
                chunkBytes, pause, transcript)));
        return itemId;
    }

    /** The model calls a function: a response whose only output is a completed {@code function_call} item. */
    public String functionCall(String name, String argumentsJson) {
        String callId = nextId("call");
        callIds.add(callId);
        context.runOnContext(v -> {
            String responseId = nextId("resp");
            String itemId = nextId("item");
            ObjectNode item = JSON.createObjectNode().put("id", itemId).put("type", "function_call")
                    .put("status", "completed").put("name", name).put("call_id", callId).put("arguments", argumentsJson);
            send(event("response.created").set("response", response(responseId, "in_progress")));
            send(event("response.function_call_arguments.done").put("response_id", responseId).put("item_id", itemId)
                    .put("output_index", 0).put("call_id", callId).put("name", name).put("arguments", argumentsJson));
            send(event("response.output_item.done").put("response_id", responseId).put("output_index", 0)
                    .set("item", item));
            ObjectNode done = response(responseId, "completed");
            done.putArray("output").add(item);
            send(event("response.done").set("response", done));
        });
        return callId;
    }

    /** A final transcript of what the caller said. */
    public void userTranscript(String text) {
        context.runOnContext(v -> send(event("conversation.item.input_audio_transcription.completed")
                .put("item_id", nextId("item")).put("content_index", 0).put("transcript", text)));
    }

    /** An {@code error} event, as the service sends for recoverable problems. */
    public void sendError(String type, String code, String message) {
        context.runOnContext(v -> sendErrorNow(type, code, message, null));
    }

    /** Faults this session can be made to show. */
    public SessionFaults faults() {
        return faults;
    }

    /** Drops the TCP connection under the websocket, as a crashed server or a cut network would. */
    public void closeAbruptly() {
        context.runOnContext(v -> connection.close());
    }

    public void close(int code, String reason) {
        context.runOnContext(v -> socket.close((short) code, reason));
    }

    void closeQuietly() {
        if (open) {
            context.runOnContext(v -> socket.close());
        }
    }

    // ---- client events --------------------------------------------------------------------------------------

    private void onClientEvent(String text) {
        JsonNode event;
        try {
            event = JSON.readTree(text);
        } catch (Exception e) {
            record("(malformed)", JSON.createObjectNode().put("raw", text));
            violation("invalid_json", "We could not parse the JSON body of your request.", null);
            return;
        }
        String type = event.path("type").asText("");
        if (options.taps() == null || !type.equals("input_audio_buffer.append")) {
            record(type, event);
        }
        switch (type) {
            case "session.update" -> onSessionUpdate(event);
            case "input_audio_buffer.append" -> onAppend(event);
            case "input_audio_buffer.commit" -> onCommit(event);
            case "input_audio_buffer.clear" -> {
                pendingInputBytes = 0;
                send(event("input_audio_buffer.cleared"));
            }
            case "conversation.item.create" -> onItemCreate(event);
            case "conversation.item.truncate" -> onTruncate(event);
            case "conversation.item.delete", "conversation.item.retrieve" -> requireItemId(event);
            case "response.create" -> onResponseCreate(event);
            case "response.cancel" -> onResponseCancel(event);
            default -> violation("invalid_value", "Invalid value: '" + type + "'. Supported values are: "
                    + "'session.update', 'input_audio_buffer.append', ... .", event);
        }
    }

    private void onSessionUpdate(JsonNode event) {
        var problem = SessionUpdateRules.problem(event.get("session"), session, audioExchanged,
                !outputBytesByItem.isEmpty());
        if (problem.isPresent()) {
            violation(problem.get().getKey(), problem.get().getValue(), event);
            return;
        }
        SessionUpdateRules.merge(session, event.get("session"));
        inputFormat = SessionUpdateRules.formatOf(session, "input");
        if (!configured) {
            configuredAtNanos = System.nanoTime();
        }
        configured = true;
        send(event("session.updated").set("session", session.deepCopy()));
    }

    private void onAppend(JsonNode event) {
        String audio = event.path("audio").asText(null);
        if (audio == null || !isCanonicalBase64(audio)) {
            violation("invalid_value", "Invalid 'audio'. Expected base64-encoded audio bytes.", event);
            return;
        }
        if (options.requireSessionUpdate() && !configured) {
            violation("invalid_request_error", "audio appended before session.update configured its format", event);
            return;
        }
        byte[] bytes = Base64.getDecoder().decode(audio);
        if ("audio/pcm".equals(inputFormat) && bytes.length % 2 != 0) {
            violation("invalid_value", "Audio for 'audio/pcm' must be 16-bit samples (even length).", event);
            return;
        }
        audioExchanged = true;
        pendingInputBytes += bytes.length;
        if (options.taps() != null) {
            options.taps().callerAudio(this, bytes, System.nanoTime());
            return;
        }
        inputChunks.add(bytes);
        synchronized (inputAudio) {
            inputAudio.writeBytes(bytes);
        }
    }

    private void onCommit(JsonNode event) {
        if (pendingInputBytes == 0) {
            violation("input_audio_buffer_commit_empty", "Error committing input audio buffer: buffer is empty.",
                    event);
            return;
        }
        pendingInputBytes = 0;
        send(event("input_audio_buffer.committed").put("item_id", nextId("item")));
    }

    private void onItemCreate(JsonNode event) {
        JsonNode item = event.path("item");
        var problem = ItemRules.problem(item, callIds);
        if (problem.isPresent()) {
            violation(problem.get().getKey(), problem.get().getValue(), event);
            return;
        }
        if ("function_call".equals(item.path("type").asText())) {
            callIds.add(item.path("call_id").asText());
        }
        ObjectNode created = item.deepCopy();
        created.put("id", item.path("id").asText(nextId("item")));
        createdItems.add(created);
        send(event("conversation.item.added").set("item", created));
        send(event("conversation.item.done").set("item", created));
    }

    private void onTruncate(JsonNode event) {
        String itemId = event.path("item_id").asText(null);
        Long bytes = itemId == null ? null : outputBytesByItem.get(itemId);
        if (bytes == null) {
            violation("item_not_found", "Conversation item '" + itemId + "' not found or has no audio.", event);
            return;
        }
        if (event.path("content_index").asInt(-1) != 0) {
            violation("invalid_value", "Invalid 'content_index': must be 0.", event);
            return;
        }
        long endMs = event.path("audio_end_ms").asLong(-1);
        long audioMs = bytes / bytesPerMs(SessionUpdateRules.formatOf(session, "output"));
        if (endMs < 0 || endMs > audioMs) {
            violation("invalid_value", "Audio content of " + audioMs + "ms is already shorter than " + endMs + "ms",
                    event);
            return;
        }
        truncations.add(new Truncation(itemId, endMs));
        send(event("conversation.item.truncated").put("item_id", itemId).put("content_index", 0)
                .put("audio_end_ms", endMs));
    }

    private void onResponseCreate(JsonNode event) {
        if (activeResponse != null) {
            violation("conversation_already_has_active_response", "Conversation already has an active response in "
                    + "progress: " + activeResponse.responseId() + ". Wait until the response is finished before "
                    + "creating a new one.", event);
            return;
        }
        byte[] audio = options.answerResponseCreate()
                ? FakeRealtimeServer.silence(SessionUpdateRules.formatOf(session, "output"), options.defaultResponseAudio())
                : new byte[0];
        startResponse(new ScriptedResponse(this, nextId("resp"), nextId("item"), audio, 1600, Duration.ZERO,
                audio.length == 0 ? "" : "Hello, how can I help?"));
    }

    private void onResponseCancel(JsonNode event) {
        if (activeResponse == null) {
            violation("response_cancel_not_active", "Cancellation failed: no active response found", event);
            return;
        }
        activeResponse.cancel("client_cancelled");
    }

    private void requireItemId(JsonNode event) {
        if (!event.hasNonNull("item_id")) {
            violation("missing_required_parameter", "Missing required parameter: 'item_id'.", event);
        }
    }

    // ---- used by ScriptedResponse ------------------------------------------------------------------------

    private void startResponse(ScriptedResponse response) {
        if (activeResponse != null) {
            throw new IllegalStateException("the test scripted a response while " + activeResponse.responseId()
                    + " is still active");
        }
        activeResponse = response;
        response.start();
    }

    void audioSent(String itemId, byte[] audio) {
        audioExchanged = true;
        outputBytesByItem.merge(itemId, (long) audio.length, Long::sum);
        if (options.taps() != null) {
            options.taps().assistantAudioSent(this, audio, System.nanoTime());
        }
    }

    /**
     * The {@code usage} of a completed response, shaped as the API reports it, with token counts of the API's order
     * (output audio about 20 tokens a second, input audio 10, text one per word); recorded for {@link #billed}.
     */
    ObjectNode bill(int outputAudioBytes, String transcript) {
        long outputAudio = outputAudioBytes / bytesPerMs(outputFormat()) / 50;
        long outputText = transcript == null || transcript.isBlank() ? 0 : transcript.trim().split("\\s+").length;
        long inputAudio = inputAudio().length / bytesPerMs(SessionUpdateRules.formatOf(session, "input")) / 100
                - billed("input", "audio");
        long inputText = session.path("instructions").asText().length() / 4;
        billed.merge("output/audio", outputAudio, Long::sum);
        billed.merge("output/text", outputText, Long::sum);
        billed.merge("input/audio", inputAudio, Long::sum);
        billed.merge("input/text", inputText, Long::sum);
        ObjectNode usage = JSON.createObjectNode().put("total_tokens", outputAudio + outputText + inputAudio + inputText)
                .put("input_tokens", inputAudio + inputText).put("output_tokens", outputAudio + outputText);
        usage.putObject("input_token_details").put("text_tokens", inputText).put("audio_tokens", inputAudio)
                .put("cached_tokens", 0);
        usage.putObject("output_token_details").put("text_tokens", outputText).put("audio_tokens", outputAudio);
        return usage;
    }

    /** Tokens billed so far by {@code direction} (input, output) and {@code modality} (text, audio). */
    public long billed(String direction, String modality) {
        return billed.getOrDefault(direction + "/" + modality, 0L);
    }

    void responseFinished(ScriptedResponse response) {
        if (activeResponse == response) {
            activeResponse = null;
        }
    }

    Context context() {
        return context;
    }

    String outputFormat() {
        return SessionUpdateRules.formatOf(session, "output");
    }

    ObjectNode event(String type) {
        return JSON.createObjectNode().put("type", type).put("event_id", nextId("event"));
    }

    static ObjectNode response(String id, String status) {
        return JSON.createObjectNode().put("id", id).put("object", "realtime.response").put("status", status);
    }

    void send(ObjectNode event) {
        if (open) {
            socket.writeTextMessage(event.toString());
        }
    }

    static int bytesPerMs(String formatType) {
        return "audio/pcm".equals(formatType) ? 48 : 8;
    }

    // ---- internals ----------------------------------------------------------------------------------------

    private void violation(String code, String message, JsonNode event) {
        violations.add(new Violation(code, message, event));
        sendErrorNow("invalid_request_error", code, message, event == null ? null : event.path("event_id").asText(null));
    }

    private void sendErrorNow(String type, String code, String message, String clientEventId) {
        ObjectNode error = JSON.createObjectNode().put("type", type).put("code", code).put("message", message);
        error.putNull("param");
        if (clientEventId != null) {
            error.put("event_id", clientEventId);
        }
        send(event("error").set("error", error));
    }

    private void record(String type, JsonNode json) {
        received.add(new RecordedEvent(Instant.now(), System.nanoTime(), type, json));
    }

    private String nextId(String prefix) {
        return prefix + "_" + ids.incrementAndGet();
    }

    /** Reads state owned by the event loop from the test thread. */
    /**
     * Standard alphabet, padded, nothing else (RFC 4648 section 4). The fake keeps its own check rather than
     * session-protocol's {@code Base64Audio}, so a fault there cannot hide behind it; a loop, as a regex showed in
     * the load generator's profile.
     */
    static boolean isCanonicalBase64(String text) {
        int length = text.length();
        if (length % 4 != 0) {
            return false;
        }
        int padding = length > 0 && text.charAt(length - 1) == '=' ? (text.charAt(length - 2) == '=' ? 2 : 1) : 0;
        for (int i = 0; i < length - padding; i++) {
            char c = text.charAt(i);
            boolean inAlphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/';
            if (!inAlphabet) {
                return false;
            }
        }
        return true;
    }

    private <T> T runAndGet(Supplier<T> supplier) {
        if (Vertx.currentContext() == context) {
            return supplier.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> result.complete(supplier.get()));
        return result.join();
    }

    private static ObjectNode defaultSession(String model) {
        ObjectNode session = JSON.createObjectNode().put("type", "realtime").put("object", "realtime.session")
                .put("id", "sess_fake").put("model", model).put("instructions", "");
        session.putArray("output_modalities").add("audio");
        ObjectNode audio = session.putObject("audio");
        ObjectNode input = audio.putObject("input");
        input.putObject("format").put("type", "audio/pcm").put("rate", 24000);
        input.putObject("turn_detection").put("type", "server_vad").put("threshold", 0.5)
                .put("prefix_padding_ms", 300).put("silence_duration_ms", 200).put("create_response", true)
                .put("interrupt_response", true);
        ObjectNode output = audio.putObject("output");
        output.putObject("format").put("type", "audio/pcm").put("rate", 24000);
        output.put("voice", "alloy");
        session.putArray("tools");
        session.put("tool_choice", "auto");
        return session;
    }
}
