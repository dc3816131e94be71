package dev.voiceagent.core.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voiceagent.core.model.ModelListener;
import dev.voiceagent.core.model.ModelSession;
import dev.voiceagent.core.model.RealtimeModel;
import dev.voiceagent.core.openai.OfficialClientEvents;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The model port in process: each opened session records the client events it is sent (into the shared
 * transcript too) and lets the test script GA server events. Opening can be made to fail.
 */
final class FakeModel implements RealtimeModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<Session> sessions = new ArrayList<>();
    private final Transcript transcript;
    private int refuseNext;
    private boolean hangNext;

    FakeModel(Transcript transcript) {
        this.transcript = transcript;
    }

    /** The next {@code count} opens fail, as when the service refuses connections. */
    FakeModel refuseNext(int count) {
        refuseNext = count;
        return this;
    }

    /** The next open never completes, as when the service does not answer. */
    FakeModel hangNext() {
        hangNext = true;
        return this;
    }

    Session session(int n) {
        return sessions.get(n);
    }

    Session last() {
        return sessions.get(sessions.size() - 1);
    }

    @Override
    public Future<ModelSession> open(ModelListener listener) {
        transcript.add("model: (open)");
        if (refuseNext > 0) {
            refuseNext--;
            return Future.failedFuture(new IllegalStateException("503 service unavailable"));
        }
        if (hangNext) {
            hangNext = false;
            return io.vertx.core.Promise.<ModelSession>promise().future();
        }
        Session session = new Session(listener);
        sessions.add(session);
        return Future.succeededFuture(session);
    }

    @Override
    public String label() {
        return "fake-realtime";
    }

    /** One upstream session. */
    final class Session implements ModelSession {

        final List<JsonNode> sent = new ArrayList<>();
        private final ModelListener listener;
        boolean closed;
        private int ids;

        Session(ModelListener listener) {
            this.listener = listener;
        }

        @Override
        public void send(String clientEvent) {
            if (closed) {
                return;
            }
            OfficialClientEvents.check(clientEvent);
            try {
                JsonNode event = JSON.readTree(clientEvent);
                sent.add(event);
                transcript.add("model: " + describe(event));
            } catch (Exception e) {
                throw new AssertionError("the core sent malformed JSON: " + clientEvent, e);
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                transcript.add("model: (closed)");
            }
        }

        List<JsonNode> sent(String type) {
            return sent.stream().filter(e -> e.path("type").asText().equals(type)).toList();
        }

        /** Emits a server event given as JSON text. */
        void emit(String json) {
            listener.onEvent(json);
        }

        void emit(ObjectNode event) {
            listener.onEvent(event.toString());
        }

        /** session.created then, after the core's update, session.updated: a session ready for audio. */
        void createdAndUpdated() {
            emit(event("session.created"));
            emit(event("session.updated"));
        }

        void created() {
            emit(event("session.created"));
        }

        void updated() {
            emit(event("session.updated"));
        }

        /** The connection breaks (1006) or the server closes it with a code. */
        void drop(int code) {
            closed = true;
            listener.onClosed(code, "close " + code);
        }

        void responseCreated(String responseId) {
            ObjectNode event = event("response.created");
            event.putObject("response").put("id", responseId).put("status", "in_progress");
            emit(event);
        }

        void responseDone(String responseId, String status) {
            ObjectNode event = event("response.done");
            event.putObject("response").put("id", responseId).put("status", status);
            emit(event);
        }

        void audioDelta(String responseId, String itemId, String base64) {
            emit(event("response.output_audio.delta").put("response_id", responseId).put("item_id", itemId)
                    .put("output_index", 0).put("content_index", 0).put("delta", base64));
        }

        void assistantTranscript(String responseId, String itemId, String text) {
            emit(event("response.output_audio_transcript.done").put("response_id", responseId)
                    .put("item_id", itemId).put("transcript", text));
        }

        void userTranscript(String itemId, String text) {
            emit(event("conversation.item.input_audio_transcription.completed").put("item_id", itemId)
                    .put("content_index", 0).put("transcript", text));
        }

        void speechStarted(String itemId) {
            emit(event("input_audio_buffer.speech_started").put("item_id", itemId).put("audio_start_ms", 0));
        }

        void functionCall(String responseId, String callId, String name, String arguments) {
            responseCreated(responseId);
            ObjectNode done = event("response.output_item.done").put("response_id", responseId);
            done.putObject("item").put("id", "item_" + callId).put("type", "function_call")
                    .put("status", "completed").put("name", name).put("call_id", callId).put("arguments", arguments);
            emit(done);
            responseDone(responseId, "completed");
        }

        ObjectNode event(String type) {
            return JSON.createObjectNode().put("type", type).put("event_id", "event_" + ++ids);
        }
    }

    private static String describe(JsonNode event) {
        String type = event.path("type").asText();
        return switch (type) {
            case "conversation.item.create" -> {
                JsonNode item = event.path("item");
                yield type + " " + (item.has("role") ? item.path("role").asText()
                        + " " + item.path("content").path(0).path("text").asText()
                        : item.path("type").asText() + " " + item.path("call_id").asText());
            }
            case "input_audio_buffer.append" -> "append " + event.path("audio").asText();
            case "response.create" -> event.has("response") ? type + " out-of-band" : type;
            default -> type;
        };
    }
}
