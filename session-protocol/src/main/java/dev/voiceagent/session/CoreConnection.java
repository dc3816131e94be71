package dev.voiceagent.session;

import io.netty.channel.EventLoop;
import io.netty.util.collection.IntObjectHashMap;
import io.vertx.core.Future;
import io.vertx.core.Promise;
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
    private final RecordWriter writer;
    private final IntObjectHashMap<CoreConversation> conversations = new IntObjectHashMap<>();
    private int lastId;

    CoreConnection(WebSocket socket, EventLoop loop, Runnable onGone) {
        this.socket = socket;
        this.loop = loop;
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
            onLoop(this::closeAll);
        });
    }

    /** Starts a conversation: assigns it the next number and sends {@code start}. */
    Future<CoreConversation> open(SessionMessage.Start start, CoreConversation.Listener listener) {
        Promise<CoreConversation> opened = Promise.promise();
        onLoop(() -> {
            if (socket.isClosed()) {
                opened.fail("the conversations socket to the core closed");
                return;
            }
            CoreConversation conversation = new CoreConversation(this, ++lastId, listener);
            conversations.put(conversation.id(), conversation);
            write(conversation.id(), ConversationRecords.CONTROL, SessionCodec.encodeToBuffer(start));
            opened.complete(conversation);
        });
        return opened.future();
    }

    void write(int conversation, byte kind, Buffer payload) {
        writer.write(conversation, kind, payload);
    }

    boolean isWritable() {
        return !socket.isClosed() && !socket.writeQueueFull();
    }

    void close(CoreConversation conversation) {
        onLoop(() -> {
            if (conversations.remove(conversation.id()) != null) {
                writer.writeClosed(conversation.id());
                // Delivered as a task, as a socket's close handler would be: the caller may still be inside close().
                loop.execute(conversation.listener()::onClosed);
            }
        });
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
                        listener.onMessage(message);
                    } else {
                        listener.onProtocolError(new ProtocolException("not a core message: " + payload, null));
                    }
                } catch (ProtocolException e) {
                    listener.onProtocolError(e);
                }
            }
            default -> {
                conversations.remove(id);
                conversation.markClosed();
                listener.onClosed();
            }
        }
    }

    /** The core broke the framing itself: nothing on the socket can be trusted, so every conversation ends. */
    private void protocolErrorOnSocket(ProtocolException e) {
        LOG.warnf("realtime-core broke the conversations framing: %s", e.getMessage());
        conversations.values().forEach(conversation -> conversation.listener().onProtocolError(e));
        socket.close((short) 1002, "protocol error");
    }

    private void closeAll() {
        List<CoreConversation> open = new ArrayList<>(conversations.values());
        conversations.clear();
        for (CoreConversation conversation : open) {
            conversation.markClosed();
            conversation.listener().onClosed();
        }
    }

    private void onLoop(Runnable action) {
        EventLoops.run(loop, action);
    }
}
