package dev.voiceagent.core.session;

import dev.voiceagent.core.metrics.CoreMetrics;
import dev.voiceagent.session.ConversationRecords;
import dev.voiceagent.session.EventLoops;
import dev.voiceagent.session.ProtocolException;
import dev.voiceagent.session.RecordWriter;
import dev.voiceagent.session.SessionCodec;
import dev.voiceagent.session.SessionMessage;
import io.netty.channel.EventLoop;
import io.netty.util.collection.IntObjectHashMap;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.impl.ContextInternal;
import java.util.ArrayList;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One gateway's conversations socket: routes each record to its conversation, and gives each conversation a
 * {@link GatewayLink} that writes records back. Confined to the socket's event loop.
 *
 * <p>A gateway numbers its conversations upwards from 1, so a record for a number at or below the highest seen that
 * has no conversation is late (that conversation already ended) and is dropped, while a new number must begin with
 * {@code start}. A mistake in one conversation's records is answered in that conversation only; broken framing
 * closes the socket, because nothing after it can be trusted.
 */
final class GatewayConnection {

    private static final Logger LOG = Logger.getLogger(GatewayConnection.class);
    /** RFC 6455 close codes: protocol error, and data of a type the endpoint cannot accept. */
    private static final int PROTOCOL_ERROR = 1002;
    private static final int UNSUPPORTED_DATA = 1003;

    private final WebSocketConnection socket;
    private final ContextInternal context;
    private final EventLoop loop;
    private final RecordWriter writer;
    private final ConversationRegistry registry;
    private final CoreMetrics metrics;
    private final IntObjectHashMap<Conversation> conversations = new IntObjectHashMap<>();
    private int highestId;

    GatewayConnection(WebSocketConnection socket, ContextInternal context, ConversationRegistry registry,
            CoreMetrics metrics) {
        this.socket = socket;
        this.context = context;
        this.loop = context.nettyEventLoop();
        this.registry = registry;
        this.metrics = metrics;
        this.writer = new RecordWriter(loop, message -> {
            if (socket.isOpen()) {
                socket.sendBinary(message).subscribe().with(ok -> {
                }, failure -> LOG.debugf("write to gateway socket %s failed: %s", socket.id(), failure.getMessage()));
            }
        });
    }

    void onMessage(Buffer message) {
        try {
            ConversationRecords.read(message, this::onRecordIsolated);
        } catch (ProtocolException e) {
            LOG.warnf("gateway socket %s broke the record framing, closing it: %s", socket.id(), e.getMessage());
            refuseSocket(PROTOCOL_ERROR, "protocol error");
        }
    }

    void onText() {
        refuseSocket(UNSUPPORTED_DATA, "the conversations socket carries binary records only");
    }

    /** Closes the whole socket, and so every conversation on it, once nothing on it can be trusted. */
    private void refuseSocket(int code, String reason) {
        metrics.badInput("session_protocol");
        socket.close(new CloseReason(code, reason)).subscribe().with(ok -> {
        }, failure -> LOG.debugf("closing gateway socket %s failed: %s", socket.id(), failure.getMessage()));
    }

    void onClosed() {
        var open = new ArrayList<>(conversations.values());
        conversations.clear();
        open.forEach(Conversation::onGatewayClosed);
    }

    /** A fault while handling one conversation's record must not cost the records of the others behind it. */
    private void onRecordIsolated(int id, byte kind, Buffer payload) {
        try {
            onRecord(id, kind, payload);
        } catch (RuntimeException e) {
            LOG.errorf(e, "conversation %d on gateway socket %s: record of kind %c failed", id, socket.id(), kind);
        }
    }

    private void onRecord(int id, byte kind, Buffer payload) {
        Conversation conversation = conversations.get(id);
        if (conversation != null) {
            switch (kind) {
                case ConversationRecords.AUDIO -> conversation.onGatewayAudio(payload);
                case ConversationRecords.CONTROL -> control(id, payload, conversation);
                default -> {
                    conversations.remove(id);
                    conversation.onGatewayClosed();
                }
            }
        } else if (id > highestId) {
            highestId = id;
            if (kind != ConversationRecords.CONTROL) {
                metrics.badInput("session_protocol");
                refuse(id, "protocol", kind == ConversationRecords.AUDIO ? "audio before start"
                        : "closed before start");
            } else {
                control(id, payload, null);
            }
        }
    }

    private void control(int id, Buffer payload, Conversation conversation) {
        SessionMessage message;
        try {
            message = SessionCodec.decode(payload);
        } catch (ProtocolException e) {
            protocolError(id, "protocol", e.getMessage(), conversation == null);
            return;
        }
        if (message instanceof SessionMessage.Start start && start.version() != SessionMessage.VERSION) {
            protocolError(id, "unsupported_version", "this core speaks version " + SessionMessage.VERSION
                    + " of the session protocol, not " + start.version(), true);
        } else if (conversation == null) {
            if (message instanceof SessionMessage.Start start) {
                begin(id, start);
            } else {
                protocolError(id, "protocol", "the first message must be start", true);
            }
        } else if (message instanceof SessionMessage.FromGateway fromGateway) {
            conversation.onGatewayMessage(fromGateway);
        } else {
            protocolError(id, "protocol", "not a gateway message: " + payload, false);
        }
    }

    private void begin(int id, SessionMessage.Start start) {
        Optional<Conversation> prewarmed = start.sessionRef() == null
                ? Optional.empty()
                : registry.claim(start.sessionRef());
        Conversation conversation;
        if (prewarmed.isPresent()) {
            conversation = prewarmed.get();
        } else {
            ConversationRegistry.Opened opened = start.resume() == null ? registry.open(start, context)
                    : registry.resume(start, context);
            if (opened instanceof ConversationRegistry.Refused refused) {
                refuse(id, refused.refusal().code(), refused.refusal().message());
                return;
            }
            conversation = ((ConversationRegistry.Accepted) opened).conversation();
        }
        conversations.put(id, conversation);
        conversation.attach(new Link(id));
    }

    private void protocolError(int id, String code, String detail, boolean fatal) {
        metrics.badInput("session_protocol");
        if (fatal) {
            Conversation conversation = conversations.remove(id);
            refuse(id, code, detail);
            if (conversation != null) {
                conversation.onGatewayClosed();
            }
        } else {
            new Link(id).send(new SessionMessage.Error(code, detail, false));
        }
    }

    /** Refuses one conversation: a fatal error, {@code end}, and closed. The socket stays up for the others. */
    private void refuse(int id, String code, String detail) {
        Link link = new Link(id);
        link.send(new SessionMessage.Error(code, detail, true));
        link.send(new SessionMessage.End(code));
        link.close();
    }

    /** A conversation's way back: records with its number on this socket. Safe from any thread. */
    private final class Link implements GatewayLink {

        private final int id;

        Link(int id) {
            this.id = id;
        }

        @Override
        public void send(SessionMessage.FromCore message) {
            writer.write(id, ConversationRecords.CONTROL, SessionCodec.encodeToBuffer(message));
        }

        @Override
        public void sendAudio(Buffer base64Audio) {
            writer.write(id, ConversationRecords.AUDIO, base64Audio);
        }

        @Override
        public void close() {
            writer.writeClosed(id);
            EventLoops.run(loop, () -> conversations.remove(id));
        }
    }
}
