package dev.voiceagent.testsupport.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * One assistant response with audio, streamed the way the API streams it: created, item added, audio deltas,
 * transcript, done events, {@code response.done}. A cancel stops the deltas and ends it as cancelled.
 */
final class ScriptedResponse {

    private final FakeRealtimeSession session;
    private final String responseId;
    private final String itemId;
    private final byte[] audio;
    private final int chunkBytes;
    private final Duration pause;
    private final String transcript;
    private int offset;
    private boolean finished;

    ScriptedResponse(FakeRealtimeSession session, String responseId, String itemId, byte[] audio, int chunkBytes,
            Duration pause, String transcript) {
        this.session = session;
        this.responseId = responseId;
        this.itemId = itemId;
        this.audio = audio;
        this.chunkBytes = chunkBytes;
        this.pause = pause;
        this.transcript = transcript;
    }

    String responseId() {
        return responseId;
    }

    void start() {
        session.send(session.event("response.created").set("response",
                FakeRealtimeSession.response(responseId, "in_progress")));
        session.send(withIds(session.event("response.output_item.added")).set("item", item("in_progress")));
        session.send(withIds(session.event("response.content_part.added")).put("content_index", 0)
                .set("part", FakeRealtimeSession.JSON.createObjectNode().put("type", "audio")));
        streamFromOffset();
    }

    void cancel(String reason) {
        if (finished) {
            return;
        }
        finished = true;
        session.send(withIds(session.event("response.output_item.done")).set("item", item("incomplete")));
        ObjectNode done = FakeRealtimeSession.response(responseId, "cancelled");
        done.putObject("status_details").put("type", "cancelled").put("reason", reason);
        session.send(session.event("response.done").set("response", done));
        session.responseFinished(this);
    }

    private void streamFromOffset() {
        while (!finished && offset < audio.length) {
            int end = Math.min(audio.length, offset + chunkBytes);
            byte[] chunk = Arrays.copyOfRange(audio, offset, end);
            // Recorded before the write: a loaded machine may deschedule this thread between the two, and the audio
            // must never be seen arriving before it was sent.
            session.audioSent(itemId, chunk);
            session.send(withIds(session.event("response.output_audio.delta")).put("content_index", 0)
                    .put("delta", Base64.getEncoder().encodeToString(chunk)));
            offset = end;
            if (!pause.isZero() && offset < audio.length) {
                session.context().owner().setTimer(pause.toMillis(), t -> streamFromOffset());
                return;
            }
        }
        if (!finished) {
            complete();
        }
    }

    private void complete() {
        finished = true;
        session.send(withIds(session.event("response.output_audio_transcript.done")).put("content_index", 0)
                .put("transcript", transcript));
        session.send(withIds(session.event("response.output_audio.done")).put("content_index", 0));
        session.send(withIds(session.event("response.content_part.done")).put("content_index", 0)
                .set("part", FakeRealtimeSession.JSON.createObjectNode().put("type", "audio")
                        .put("transcript", transcript)));
        session.send(withIds(session.event("response.output_item.done")).set("item", item("completed")));
        ObjectNode done = FakeRealtimeSession.response(responseId, "completed");
        done.putArray("output").add(item("completed"));
        done.set("usage", session.bill(audio.length, transcript));
        session.send(session.event("response.done").set("response", done));
        session.responseFinished(this);
    }

    private ObjectNode withIds(ObjectNode event) {
        return event.put("response_id", responseId).put("item_id", itemId).put("output_index", 0);
    }

    private ObjectNode item(String status) {
        ObjectNode item = FakeRealtimeSession.JSON.createObjectNode().put("id", itemId).put("object",
                "realtime.item").put("type", "message").put("status", status).put("role", "assistant");
        item.putArray("content").addObject().put("type", "output_audio").put("transcript", transcript);
        return item;
    }
}
