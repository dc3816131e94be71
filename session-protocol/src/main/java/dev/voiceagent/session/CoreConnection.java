package dev.voiceagent.session;

import io.netty.channel.EventLoop;
import io.netty.util.collection.IntObjectHashMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One conversations socket from a gateway to a core, shared by the conversations of one event loop. The
 * conversation table is confined to that loop; calls from elsewhere hop onto it.
 */
final class CoreConnection {

    private static final Logger LOG = Logger.getLogger(CoreConnection.class);

    private final WebSocket socket;
    private final EventLoop loop;
    private final String url;
    private final RecordWriter writer;
    private final IntObjectHashMap<CoreConversation> conversations = new IntObjectHashMap<>();
    private int lastId;

    CoreConnection(WebSocket socket, EventLoop loop, String url, Runnable onGone) {
        this.socket = socket;
        this.loop = loop;
        this.url = url;
        this.writer = new RecordWriter(loop, message -> {
            if (!socket.isClosed()) {
                socket.writeBinaryMessage(message);
            }
        });
        socket.binaryMessageHandler(this::onMessage);
        socket.textMessageHandler(text -> protocolErrorOnSocket(
                new ProtocolException("a text message on the conversations socket", null)));
        socket.exceptionHandler(failure -> socket.close());
        socket.closeHandler(ignored -> {
            onGone.run();
            onLoop(this::lost);
        });
    }

    /**
     * Puts {@code conversation} on this socket under the next number and sends its {@code start}; false when the
     * socket has closed meanwhile. Call on the loop.
     */
    boolean adopt(CoreConversation conversation, SessionMessage.Start start) {
        if (socket.isClosed()) {
            return false;
        }
        int id = ++lastId;
        conversations.put(id, conversation);
        conversation.attach(this, id);
        write(id, ConversationRecords.CONTROL, SessionCodec.encodeToBuffer(start));
        return true;
    }

    /** Takes {@code conversation} off this socket; false when it no longer rode on it. Call on the loop. */
    boolean release(CoreConversation conversation) {
        if (conversations.get(conversation.id()) != conversation) {
            return false;
        }
        conversations.remove(conversation.id());
        return true;
    }

    void write(int conversation, byte kind, Buffer payload) {
        writer.write(conversation, kind, payload);
    }

    void writeClosed(int conversation) {
        writer.writeClosed(conversation);
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    boolean isWritable() {
        return !socket.isClosed() && !socket.writeQueueFull();
    }

    private void onMessage(Buffer message) {
        try {
            ConversationRecords.read(message, this::onRecord);
        } catch (ProtocolException e) {
            protocolErrorOnSocket(e);
        }
    }

    private void onRecord(int id, byte kind, Buffer payload) {
        CoreConversation conversation = conversations.get(id);
        if (conversation == null) {
            return; // this side closed it; the core had not yet heard
        }
        CoreConversation.Listener listener = conversation.listener();
        switch (kind) {
            case ConversationRecords.AUDIO -> listener.onAudio(payload);
            case ConversationRecords.CONTROL -> {
                try {
                    if (SessionCodec.decode(payload) instanceof SessionMessage.FromCore message) {
                        if (conversation.onCoreMessage(message)) {
                            listener.onMessage(message);
                        }
                    } else {
                        listener.onProtocolError(new ProtocolException("not a core message: " + payload, null));
                    }
                } catch (ProtocolException e) {
                    listener.onProtocolError(e);
                }
            }
            default -> {
                conversations.remove(id);
                conversation.closedByCore();
            }
        }
    }

    /** The core broke the framing itself: nothing on the socket can be trusted, so every conversation ends. */
    private void protocolErrorOnSocket(ProtocolException e) {
        LOG.warnf("realtime-core broke the conversations framing: %s", e.getMessage());
        conversations.values().forEach(conversation -> conversation.listener().onProtocolError(e));
        socket.close((short) 1002, "protocol error");
    }

    /** The socket is gone: each conversation still on it is resumed elsewhere or ends (see CoreConversation). */
    private void lost() {
        if (conversations.isEmpty()) {
            return;
        }
        List<CoreConversation> open = new ArrayList<>(conversations.values());
        conversations.clear();
        LOG.infof("lost the conversations socket to %s with %d conversations on it", url, open.size());
        for (CoreConversation conversation : open) {
            conversation.connectionLost();
        }
    }

    private void onLoop(Runnable action) {
        EventLoops.run(loop, action);
    }
}
