package dev.voiceagent.session;

import io.vertx.core.buffer.Buffer;

/**
 * The framing of the conversations socket: every binary websocket message carries one or more records, each
 * {@code conversation (u32, big-endian) | kind (u8) | length (u32, big-endian) | payload}. Many conversations share
 * one socket, so the records of all conversations that had something to say in one event-loop turn travel in one
 * message: one write and one wake-up instead of one per frame.
 */
public final class ConversationRecords {

    /** Payload: one session message as UTF-8 JSON. */
    public static final byte CONTROL = 'C';
    /** Payload: base64 text of audio in the conversation's codec. */
    public static final byte AUDIO = 'A';
    /** No payload: the sender is done with this conversation (what closing its own socket used to say). */
    public static final byte CLOSED = 'X';

    public static final int HEADER_BYTES = 9;

    /**
     * The largest record either side may write, header included: one record must always fit one websocket message
     * of the receiver (the core accepts messages up to 1 MiB, a gateway up to 4 MiB). A larger control message is
     * refused in its conversation and larger audio is split, so one conversation can never get the shared socket
     * closed for the others.
     */
    public static final int MAX_RECORD_BYTES = 1 << 20;

    /** The largest payload of one record. */
    public static final int MAX_PAYLOAD_BYTES = MAX_RECORD_BYTES - HEADER_BYTES;

    /** Receives the records of one message, in order. */
    @FunctionalInterface
    public interface Handler {
        void onRecord(int conversation, byte kind, Buffer payload);
    }

    private ConversationRecords() {
    }

    public static void append(Buffer message, int conversation, byte kind, Buffer payload) {
        message.appendInt(conversation).appendByte(kind).appendInt(payload.length()).appendBuffer(payload);
    }

    /**
     * Hands each record of {@code message} to the handler; payloads are slices of the message, not copies.
     *
     * @throws ProtocolException at the first record that is cut short or of an unknown kind (the records before
     *         it have been handled)
     */
    public static void read(Buffer message, Handler handler) {
        int at = 0;
        int end = message.length();
        while (at < end) {
            if (end - at < HEADER_BYTES) {
                throw new ProtocolException("record header cut short at byte " + at, null);
            }
            int conversation = message.getInt(at);
            byte kind = message.getByte(at + 4);
            int length = message.getInt(at + 5);
            int payloadStart = at + HEADER_BYTES;
            if (length < 0 || length > end - payloadStart) {
                throw new ProtocolException("record of conversation " + conversation + " claims " + length
                        + " bytes, " + (end - payloadStart) + " left", null);
            }
            if (kind != CONTROL && kind != AUDIO && kind != CLOSED) {
                throw new ProtocolException("unknown record kind " + kind + " at byte " + at, null);
            }
            handler.onRecord(conversation, kind, message.slice(payloadStart, payloadStart + length));
            at = payloadStart + length;
        }
    }
}
