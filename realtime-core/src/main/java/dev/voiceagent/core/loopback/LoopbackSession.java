package dev.voiceagent.core.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voiceagent.core.model.ModelListener;
import dev.voiceagent.core.model.ModelSession;
import dev.voiceagent.session.AudioCodec;
import io.vertx.core.Context;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One loopback session: reads the client events the core sends to a realtime model and answers with the server
 * events the API would send. It hears turns by energy, answers each with the caller's own audio, answers keypad
 * keys with the configured function calls, and reports tool results and greetings with a short tone and a
 * transcript. Everything runs on the opening conversation's context; events are delivered after the current one.
 */
final class LoopbackSession implements ModelSession, SpeechDetector.Listener {

    static final String LABEL = "loopback (no AI)";
    private static final String APPEND_PREFIX = "{\"type\":\"input_audio_buffer.append\",\"audio\":\"";
    /** How the core tells a model about a keypad key (see FunctionCalls' system note). */
    private static final Pattern KEY_NOTE = Pattern.compile("pressed the key (\\S)");

    private final Context context;
    private final ModelListener listener;
    private final LoopbackConfig config;
    private final KeyScript keys;
    private final ObjectNode session = ServerEvents.object();
    /** Function names of the calls this session made, by call id, for the report on their output. */
    private final Map<String, String> calledFunctions = new HashMap<>();
    private AudioCodec inputCodec = AudioCodec.PCM16;
    private AudioCodec outputCodec = AudioCodec.PCM16;
    private SpeechDetector detector;
    private int detectorSilenceMs;
    private int detectorPrefixPaddingMs;
    private SpokenReply speaking;
    private String speechItemId;
    private String lastCommittedItemId;
    private String functionReport;
    private boolean open = true;

    LoopbackSession(Context context, ModelListener listener, LoopbackConfig config, KeyScript keys) {
        this.context = context;
        this.listener = listener;
        this.config = config;
        this.keys = keys;
        session.put("object", "realtime.session").put("id", ServerEvents.id("sess")).put("type", "realtime")
                .put("model", LABEL);
        configure();
    }

    void start() {
        emit(ServerEvents.session("session.created", session));
    }

    @Override
    public void send(String clientEvent) {
        if (!open) {
            return;
        }
        if (clientEvent.startsWith(APPEND_PREFIX) && clientEvent.endsWith("\"}")) {
            onAudio(clientEvent.substring(APPEND_PREFIX.length(), clientEvent.length() - 2));
            return;
        }
        JsonNode event;
        try {
            event = ServerEvents.parse(clientEvent);
        } catch (IOException e) {
            emit(ServerEvents.error("invalid_json", "We could not parse the JSON body of your request."));
            return;
        }
        String type = event.path("type").asText();
        switch (type) {
            case "session.update" -> onSessionUpdate(event.path("session"));
            case "input_audio_buffer.append" -> onAudio(event.path("audio").asText());
            case "response.create" -> onResponseCreate(event.path("response"));
            case "response.cancel" -> onResponseCancel();
            case "conversation.item.create" -> onItemCreate(event.path("item"));
            case "conversation.item.truncate" -> emit(ServerEvents.truncated(event.path("item_id").asText(),
                    event.path("content_index").asInt(), event.path("audio_end_ms").asLong()));
            default -> emit(ServerEvents.error("invalid_value", "Invalid value: '" + type + "'."));
        }
    }

    @Override
    public void close() {
        open = false;
        if (speaking != null) {
            speaking.cancel();
            speaking = null;
        }
    }

    private void onSessionUpdate(JsonNode update) {
        update.fields().forEachRemaining(field -> session.set(field.getKey(), field.getValue()));
        configure();
        emit(ServerEvents.session("session.updated", session));
    }

    /**
     * Audio formats and turn detection come from the session, as the API takes them. Semantic VAD has no timings:
     * the API's server VAD defaults stand in for it. The detector starts afresh only when what it uses changed.
     */
    private void configure() {
        JsonNode audio = session.path("audio");
        AudioCodec input = codec(audio.path("input").path("format"));
        outputCodec = codec(audio.path("output").path("format"));
        JsonNode vad = audio.path("input").path("turn_detection");
        int silenceMs = vad.path("silence_duration_ms").asInt(500);
        int prefixPaddingMs = vad.path("prefix_padding_ms").asInt(300);
        if (detector == null || input != inputCodec || silenceMs != detectorSilenceMs
                || prefixPaddingMs != detectorPrefixPaddingMs) {
            inputCodec = input;
            detectorSilenceMs = silenceMs;
            detectorPrefixPaddingMs = prefixPaddingMs;
            detector = new SpeechDetector(inputCodec, config.speechThresholdDbfs(), (int) config.minSpeech().toMillis(),
                    silenceMs, prefixPaddingMs, (int) config.maxEcho().toMillis(), this);
        }
    }

    private static AudioCodec codec(JsonNode format) {
        return "audio/pcmu".equals(format.path("type").asText()) ? AudioCodec.PCMU : AudioCodec.PCM16;
    }

    private void onAudio(String base64) {
        try {
            detector.accept(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            emit(ServerEvents.error("invalid_value", "Invalid 'audio'. Expected base64-encoded audio bytes."));
        }
    }

    @Override
    public void onSpeechStarted(long audioStartMs) {
        speechItemId = ServerEvents.id("item");
        emit(ServerEvents.speechStarted(audioStartMs, speechItemId));
        JsonNode vad = session.path("audio").path("input").path("turn_detection");
        if (speaking != null && vad.path("interrupt_response").asBoolean(true)) {
            stopSpeaking();
        }
    }

    @Override
    public void onSpeechStopped(long audioEndMs, byte[] utterance) {
        emit(ServerEvents.speechStopped(audioEndMs, speechItemId));
        emit(ServerEvents.committed(lastCommittedItemId, speechItemId));
        lastCommittedItemId = speechItemId;
        String seconds = String.format(Locale.ROOT, "%.1f s", inputCodec.millisOf(utterance.length) / 1000.0);
        if (session.path("audio").path("input").has("transcription")) {
            emit(ServerEvents.inputTranscript(speechItemId, "(" + seconds + " of speech; " + LABEL
                    + " does not transcribe)"));
        }
        if (session.path("audio").path("input").path("turn_detection").path("create_response").asBoolean(true)
                && speaking == null) {
            byte[] echo = inputCodec == outputCodec ? utterance : Tones.beep(outputCodec);
            speak(LABEL + ": playing back your " + seconds + " of speech.", echo);
        }
    }

    private void onResponseCreate(JsonNode response) {
        if (speaking != null) {
            emit(ServerEvents.error("conversation_already_has_active_response",
                    "Conversation already has an active response in progress. Wait until it is finished."));
            return;
        }
        if ("none".equals(response.path("conversation").asText())) {
            speak(LABEL + ": one moment, a tool is running.", Tones.beep(outputCodec));
        } else if (functionReport != null) {
            speak(functionReport, Tones.beep(outputCodec));
            functionReport = null;
        } else {
            speak(LABEL + ": say something and I will play it back. " + keys.describe(), Tones.beep(outputCodec));
        }
    }

    private void onResponseCancel() {
        if (speaking == null) {
            emit(ServerEvents.error("response_cancel_not_active", "Cancellation failed: no active response found"));
            return;
        }
        stopSpeaking();
    }

    private void onItemCreate(JsonNode item) {
        ObjectNode created = item.deepCopy();
        created.put("id", item.path("id").asText(ServerEvents.id("item")));
        emit(ServerEvents.itemDone("conversation.item.added", created));
        emit(ServerEvents.itemDone("conversation.item.done", created));
        switch (item.path("type").asText()) {
            case "function_call_output" -> {
                String function = calledFunctions.getOrDefault(item.path("call_id").asText(), "the function");
                functionReport = LABEL + ": " + function + " answered: " + abbreviate(item.path("output").asText());
            }
            case "message" -> {
                String text = item.path("content").path(0).path("text").asText();
                Matcher key = KEY_NOTE.matcher(text);
                if (key.find()) {
                    onKey(key.group(1));
                } else if ("system".equals(item.path("role").asText())) {
                    functionReport = LABEL + ": " + abbreviate(text); // a note for the model: the next reply says it
                }
            }
            default -> {
            }
        }
    }

    /** A keypad key: the configured function call, when the current agent has that function. */
    private void onKey(String key) {
        if (speaking != null) {
            stopSpeaking();
        }
        Optional<KeyScript.Call> call = keys.callFor(key);
        if (call.isEmpty()) {
            speak(LABEL + ": key " + key + " does nothing here. " + keys.describe(), Tones.beep(outputCodec));
            return;
        }
        String function = call.get().function();
        boolean offered = false;
        for (JsonNode tool : session.path("tools")) {
            offered |= function.equals(tool.path("name").asText());
        }
        if (!offered) {
            speak(LABEL + ": key " + key + " calls " + function + ", which the current agent does not have.",
                    Tones.beep(outputCodec));
            return;
        }
        callFunction(function, call.get().arguments());
    }

    /** A response whose only output is a function call, as the model produces it (arguments all at once). */
    private void callFunction(String function, String arguments) {
        String responseId = ServerEvents.id("resp");
        String itemId = ServerEvents.id("item");
        String callId = ServerEvents.id("call");
        calledFunctions.put(callId, function);
        emit(ServerEvents.response("response.created", responseId, "in_progress", null));
        emit(ServerEvents.outputItem("response.output_item.added", responseId,
                ServerEvents.functionCall(itemId, "in_progress", function, callId, "")));
        emit(ServerEvents.part("response.function_call_arguments.done", responseId, itemId)
                .put("call_id", callId).put("name", function).put("arguments", arguments));
        ObjectNode item = ServerEvents.functionCall(itemId, "completed", function, callId, arguments);
        emit(ServerEvents.outputItem("response.output_item.done", responseId, item));
        emit(ServerEvents.response("response.done", responseId, "completed", item));
    }

    private void speak(String transcript, byte[] audio) {
        speaking = new SpokenReply(transcript, audio, outputCodec.sampleRate() * outputCodec.bytesPerSample(),
                config.streamingSpeed(), context.owner(), this::emit, () -> speaking = null);
        speaking.start();
    }

    private void stopSpeaking() {
        speaking.cancel();
        speaking = null;
    }

    private void emit(ObjectNode event) {
        String text = event.toString();
        context.runOnContext(v -> {
            if (open) {
                listener.onEvent(text);
            }
        });
    }

    private static String abbreviate(String text) {
        return text.length() <= 240 ? text : text.substring(0, 240) + "…";
    }
}
