package dev.voiceagent.testsupport.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelOption;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Ways one fake session misbehaves, as the real service or the network between can: a TCP reset, a close with a
 * server error, an event larger than a client should take, an audio delta whose base64 is broken.
 */
public final class SessionFaults {

    /** The largest websocket frame the fake writes; bigger events go out as continuation frames, as servers do. */
    static final int FRAGMENT_BYTES = 64 * 1024;

    private final FakeRealtimeSession session;
    private final Context context;
    private final ServerWebSocket socket;
    private final HttpConnection connection;

    SessionFaults(FakeRealtimeSession session, Context context, ServerWebSocket socket, HttpConnection connection) {
        this.session = session;
        this.context = context;
        this.socket = socket;
        this.connection = connection;
    }

    /** Drops the connection with a TCP reset (RST, no close frame), as a crashed server or a cut network does. */
    public void reset() {
        context.runOnContext(v -> {
            var channel = ((ConnectionBase) connection).channel();
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            // Past the pipeline: a close through it lets the websocket codec send a close frame first.
            channel.unsafe().closeForcibly();
        });
    }

    /** Closes the websocket with 1011 (internal server error), as the service does when it fails. */
    public void serverError() {
        session.close(1011, "internal server error");
    }

    /**
     * Sends a transcript delta of {@code bytes} characters, in {@link #FRAGMENT_BYTES} fragments: one event far
     * larger than any a client should accept.
     */
    public void oversizedTranscript(int bytes) {
        context.runOnContext(v -> {
            ObjectNode event = session.event("response.output_audio_transcript.delta").put("response_id", "resp_big")
                    .put("item_id", "item_big").put("output_index", 0).put("content_index", 0)
                    .put("delta", "x".repeat(bytes));
            Buffer text = Buffer.buffer(event.toString());
            int length = text.length();
            for (int offset = 0; offset < length; offset += FRAGMENT_BYTES) {
                Buffer fragment = text.getBuffer(offset, Math.min(length, offset + FRAGMENT_BYTES));
                boolean last = offset + FRAGMENT_BYTES >= length;
                socket.writeFrame(offset == 0 ? WebSocketFrame.textFrame(fragment.toString(), last)
                        : WebSocketFrame.continuationFrame(fragment, last));
            }
        });
    }

    /** Sends a final transcript of {@code chars} characters in one event. */
    public void longTranscript(int chars) {
        context.runOnContext(v -> session.send(session.event("response.output_audio_transcript.done")
                .put("response_id", "resp_long").put("item_id", "item_long").put("output_index", 0)
                .put("content_index", 0).put("transcript", "y".repeat(chars))));
    }

    /** Sends an audio delta whose base64 is broken. */
    public void invalidAudioDelta() {
        context.runOnContext(v -> session.send(session.event("response.output_audio.delta")
                .put("response_id", "resp_bad").put("item_id", "item_bad").put("output_index", 0)
                .put("content_index", 0).put("delta", "this is not base64!")));
    }
}
