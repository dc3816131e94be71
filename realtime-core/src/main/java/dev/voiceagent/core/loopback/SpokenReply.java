package dev.voiceagent.core.loopback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * One spoken response, streamed as the API streams it: created, item and part added, transcript, audio deltas
 * faster than real time, then the done events. A barge-in cancels it part way, as the API does.
 */
final class SpokenReply {

    /** Audio per delta; the API sends deltas of a few hundred milliseconds too. */
    private static final int CHUNK_MS = 100;

    private final String responseId = ServerEvents.id("resp");
    private final String itemId = ServerEvents.id("item");
    private final String transcript;
    private final byte[] audio;
    private final int chunkBytes;
    private final long periodMs;
    private final Vertx vertx;
    private final Consumer<ObjectNode> emit;
    private final Runnable onFinished;
    private int sent;
    private long timer = -1;

    SpokenReply(String transcript, byte[] audio, int bytesPerSecond, double speed, Vertx vertx,
            Consumer<ObjectNode> emit, Runnable onFinished) {
        this.transcript = transcript;
        this.audio = audio;
        this.chunkBytes = Math.max(2, bytesPerSecond * CHUNK_MS / 1000);
        this.periodMs = Math.max(1, Math.round(CHUNK_MS / speed));
        this.vertx = vertx;
        this.emit = emit;
        this.onFinished = onFinished;
    }

    void start() {
        emit.accept(ServerEvents.response("response.created", responseId, "in_progress", null));
        emit.accept(ServerEvents.outputItem("response.output_item.added", responseId,
                ServerEvents.assistantMessage(itemId, "in_progress", null)));
        emit.accept(ServerEvents.part("response.content_part.added", responseId, itemId));
        emit.accept(ServerEvents.part("response.output_audio_transcript.delta", responseId, itemId)
                .put("delta", transcript));
        sendChunk();
    }

    /** The caller spoke over it: no more audio, and the response ends as cancelled. */
    void cancel() {
        vertx.cancelTimer(timer);
        emit.accept(ServerEvents.response("response.done", responseId, "cancelled",
                ServerEvents.assistantMessage(itemId, "incomplete", transcript)));
    }

    private void sendChunk() {
        if (sent >= audio.length) {
            finish();
            return;
        }
        int end = Math.min(audio.length, sent + chunkBytes);
        emit.accept(ServerEvents.part("response.output_audio.delta", responseId, itemId)
                .put("delta", Base64.getEncoder().encodeToString(Arrays.copyOfRange(audio, sent, end))));
        sent = end;
        timer = vertx.setTimer(periodMs, t -> sendChunk());
    }

    private void finish() {
        emit.accept(ServerEvents.part("response.output_audio.done", responseId, itemId));
        emit.accept(ServerEvents.part("response.output_audio_transcript.done", responseId, itemId)
                .put("transcript", transcript));
        emit.accept(ServerEvents.part("response.content_part.done", responseId, itemId));
        ObjectNode item = ServerEvents.assistantMessage(itemId, "completed", transcript);
        emit.accept(ServerEvents.outputItem("response.output_item.done", responseId, item));
        emit.accept(ServerEvents.response("response.done", responseId, "completed", item));
        onFinished.run();
    }
}
