package dev.voiceagent.session;

import io.vertx.core.buffer.Buffer;
import java.net.URI;

/**
 * A gateway's end of one conversation with realtime-core, carried on a socket it shares with other conversations
 * (see {@link CoreConnections}). Callbacks run on that socket's event loop, in the order records arrived, so audio
 * and the {@code audio.item} messages that label it stay in sequence. Methods are safe from any thread.
 */
public final class CoreConversation {

    /** What the core says. */
    public interface Listener {
        void onMessage(SessionMessage.FromCore message);

        /** An audio record: base64 text of assistant audio for the current {@code audio.item}. */
        void onAudio(Buffer base64Audio);

        /** The conversation is over, for whatever reason (either side closed it, or the socket went); called once. */
        void onClosed();

        /** The core sent a record this gateway does not understand. */
        default void onProtocolError(ProtocolException e) {
        }
    }

    public static final String PATH = "/v1/conversations";

    private final CoreConnection connection;
    private final int id;
    private final Listener listener;
    private volatile boolean closed;

    CoreConversation(CoreConnection connection, int id, Listener listener) {
        this.connection = connection;
        this.id = id;
        this.listener = listener;
    }

    /** The conversations socket's URL for a core given by its HTTP base URL ({@code http} becomes {@code ws}). */
    public static URI websocketUrl(URI coreBaseUrl) {
        String scheme = switch (coreBaseUrl.getScheme()) {
            case "https", "wss" -> "wss";
            default -> "ws";
        };
        return URI.create(scheme + "://" + coreBaseUrl.getRawAuthority() + PATH);
    }

    /** Sends base64 text of caller audio as one audio record. */
    public void sendAudio(Buffer base64Audio) {
        if (!closed) {
            connection.write(id, ConversationRecords.AUDIO, base64Audio);
        }
    }

    public void send(SessionMessage.FromGateway message) {
        if (!closed) {
            connection.write(id, ConversationRecords.CONTROL, SessionCodec.encodeToBuffer(message));
        }
    }

    /** True while the conversation is open and its socket has room in its write queue (back-pressure signal). */
    public boolean isWritable() {
        return !closed && connection.isWritable();
    }

    /** Tells the core this side is done; {@link Listener#onClosed()} follows. Nothing sent after it leaves. */
    public void close() {
        closed = true;
        connection.close(this);
    }

    int id() {
        return id;
    }

    Listener listener() {
        return listener;
    }

    /** The core or the socket ended the conversation. */
    void markClosed() {
        closed = true;
    }
}
