package dev.voiceagent.session;

import io.netty.channel.EventLoop;
import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * Collects the records written during one turn of a socket's event loop and hands them to the socket as one
 * message when the turn's I/O is done. Confined to that loop: a write from another thread hops onto it, which keeps
 * each thread's records in the order it wrote them.
 */
public final class RecordWriter {

    /** A message grows to about this size before it is sent mid-turn; one larger record is sent on its own. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    private static final int INITIAL_MESSAGE_BYTES = 1024;
    private static final Buffer NO_PAYLOAD = Buffer.buffer(0);

    private final EventLoop loop;
    private final Consumer<Buffer> socket;
    private final Runnable flushAtEndOfTurn = this::flushAtEndOfTurn;
    private Buffer pending;
    private boolean flushScheduled;

    /**
     * @param loop the event loop of the socket
     * @param socket sends one websocket message; called on {@code loop}
     */
    public RecordWriter(EventLoop loop, Consumer<Buffer> socket) {
        this.loop = loop;
        this.socket = socket;
    }

    public void write(int conversation, byte kind, Buffer payload) {
        // Not EventLoops.run: on the loop (every audio frame) no capturing lambda is allocated.
        if (loop.inEventLoop()) {
            append(conversation, kind, payload);
        } else {
            loop.execute(() -> append(conversation, kind, payload));
        }
    }

    /** The sender is done with {@code conversation}: an empty {@link ConversationRecords#CLOSED} record. */
    public void writeClosed(int conversation) {
        write(conversation, ConversationRecords.CLOSED, NO_PAYLOAD);
    }

    private void append(int conversation, byte kind, Buffer payload) {
        int recordBytes = ConversationRecords.HEADER_BYTES + payload.length();
        if (pending != null && pending.length() + recordBytes > MAX_MESSAGE_BYTES) {
            flush();
        }
        if (pending == null) {
            pending = Buffer.buffer(Math.max(INITIAL_MESSAGE_BYTES, recordBytes));
        }
        ConversationRecords.append(pending, conversation, kind, payload);
        if (!flushScheduled) {
            flushScheduled = true;
            // Tasks run after the loop has handled the I/O events of this wake-up, so every record written in
            // reaction to them joins this message.
            loop.execute(flushAtEndOfTurn);
        }
    }

    private void flushAtEndOfTurn() {
        flushScheduled = false;
        flush();
    }

    private void flush() {
        if (pending != null) {
            Buffer message = pending;
            pending = null;
            socket.accept(message);
        }
    }
}
