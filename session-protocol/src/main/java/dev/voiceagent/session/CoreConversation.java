package dev.voiceagent.session;

import io.netty.channel.EventLoop;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.impl.ContextInternal;
import java.net.URI;
import org.jboss.logging.Logger;

/**
 * A gateway's end of one conversation with realtime-core, carried on a socket it shares with other conversations
 * (see {@link CoreConnections}). Callbacks run on that socket's event loop, in the order records arrived, so audio
 * and the {@code audio.item} messages that label it stay in sequence. Methods are safe from any thread.
 *
 * <p>The conversation outlives its socket: when the socket is lost before the conversation ended, it is resumed
 * on a new socket (see {@link Resumption}) and keeps its identity; only its number on the wire changes.
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

        /**
         * The socket to the core was lost and the conversation goes on, on a core that restored it (its
         * {@code ready} comes here, not to {@link #onMessage}). Audio of the old core that is still playing is stale:
         * no {@code audio.done} or {@code speech.started} will come for it.
         */
        default void onResumed(SessionMessage.Ready ready) {
        }
    }

    public static final String PATH = "/v1/conversations";

    private static final Logger LOG = Logger.getLogger(CoreConversation.class);
    /** Audio is split into records of whole 3-byte base64 groups and whole PCM16 samples: 8 characters, 6 bytes. */
    private static final int AUDIO_SPLIT_CHARS = ConversationRecords.MAX_PAYLOAD_BYTES / 8 * 8;

    private final ContextInternal context;
    private final EventLoop loop;
    private final Listener listener;
    private final SessionMessage.Start start;
    private final Resumption.Target resumeTarget;
    private volatile boolean closedBySender;
    // Confined to the loop:
    private volatile CoreConnection connection;
    private int id;
    private String resumeToken;
    /** An {@code end} passed (a caller hang-up, or the core's): a lost socket then ends the conversation. */
    private boolean ending;
    /** This gateway asked for a goodbye ({@code end{reason:"drain"}}): a core that resumes the call is asked again. */
    private Buffer drainRequest;
    private boolean finished;
    private Resumption resumption;

    CoreConversation(ContextInternal context, SessionMessage.Start start, Resumption.Target resumeTarget,
            Listener listener) {
        this.context = context;
        this.loop = context.nettyEventLoop();
        this.start = start;
        this.resumeTarget = resumeTarget;
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

    /** Sends base64 text of caller audio; held (bounded) while the conversation is between cores. */
    public void sendAudio(Buffer base64Audio) {
        if (closedBySender) {
            return;
        }
        // Not EventLoops.run: on the loop (every audio frame) no capturing lambda is allocated.
        if (loop.inEventLoop()) {
            audioOnLoop(base64Audio);
        } else {
            loop.execute(() -> audioOnLoop(base64Audio));
        }
    }

    /**
     * Sends a control message. While the conversation is between cores, {@code dtmf} waits for the new core, a
     * drain's {@code end} is asked again of it, and {@code playback.interrupted} is dropped (it names items of the
     * lost session).
     *
     * @return false when the message is larger than a record may be ({@link ConversationRecords#MAX_PAYLOAD_BYTES}):
     *         it is refused here rather than get the socket every conversation shares closed
     */
    public boolean send(SessionMessage.FromGateway message) {
        if (closedBySender) {
            return true;
        }
        Buffer payload = SessionCodec.encodeToBuffer(message);
        if (payload.length() > ConversationRecords.MAX_PAYLOAD_BYTES) {
            LOG.warnf("refused a %s message of %d bytes for the core: records carry at most %d",
                    message.getClass().getSimpleName(), payload.length(), ConversationRecords.MAX_PAYLOAD_BYTES);
            return false;
        }
        EventLoops.run(loop, () -> controlOnLoop(message, payload));
        return true;
    }

    /** True while the conversation is open and its socket has room in its write queue (back-pressure signal). */
    public boolean isWritable() {
        CoreConnection current = connection;
        return !closedBySender && (current == null || current.isWritable());
    }

    /** Tells the core this side is done; {@link Listener#onClosed()} follows. Nothing sent after it leaves. */
    public void close() {
        closedBySender = true;
        EventLoops.run(loop, this::closeOnLoop);
    }

    private void audioOnLoop(Buffer audio) {
        if (finished) {
            return;
        }
        if (resumption != null || connection.isClosed()) {
            // The socket is gone, whether or not its close has been handled yet: the audio waits for the next core.
            held().holdAudio(audio);
        } else if (audio.length() <= ConversationRecords.MAX_PAYLOAD_BYTES) {
            connection.write(id, ConversationRecords.AUDIO, audio);
        } else {
            for (int at = 0; at < audio.length(); at += AUDIO_SPLIT_CHARS) {
                connection.write(id, ConversationRecords.AUDIO,
                        audio.slice(at, Math.min(audio.length(), at + AUDIO_SPLIT_CHARS)));
            }
        }
    }

    private void controlOnLoop(SessionMessage.FromGateway message, Buffer payload) {
        if (finished) {
            return;
        }
        if (message instanceof SessionMessage.End end) {
            if (SessionMessage.End.DRAIN.equals(end.reason())) {
                drainRequest = payload;
            } else {
                ending = true;
            }
        }
        if (resumption != null || connection.isClosed()) {
            held().holdControl(message, payload);
        } else {
            connection.write(id, ConversationRecords.CONTROL, payload);
        }
    }

    private void closeOnLoop() {
        if (finished) {
            return;
        }
        CoreConnection current = connection;
        finish();
        if (current != null && current.release(this)) {
            current.writeClosed(id);
        }
        // Delivered as a task, as a socket's close handler would be: the caller may still be inside close().
        loop.execute(listener::onClosed);
    }

    private Resumption held() {
        if (resumption == null) {
            resumption = new Resumption(this, resumeTarget);
        }
        return resumption;
    }

    // ---- called by CoreConnection and Resumption, on the loop ----------------------------------------------

    /** The conversation now rides on {@code socket} as number {@code number}. */
    void attach(CoreConnection socket, int number) {
        this.connection = socket;
        this.id = number;
    }

    /** A message from the core passes by; false when it is for this class alone (a resumed conversation's ready). */
    boolean onCoreMessage(SessionMessage.FromCore message) {
        switch (message) {
            case SessionMessage.Ready ready -> {
                resumeToken = ready.resumeToken();
                if (resumption != null && resumption.awaitingReady()) {
                    Resumption done = resumption;
                    resumption = null;
                    done.completed(ready, this::audioOnLoop, this::writeNow);
                    if (drainRequest != null) {
                        writeNow(drainRequest); // the new core has the caller told goodbye, as the lost one would have
                    }
                    listener.onResumed(ready);
                    return false;
                }
            }
            case SessionMessage.End end -> {
                ending = true;
                if (resumption != null && resumption.awaitingReady()) {
                    resumeTarget.observer().outcome(ResumeOutcome.REFUSED);
                }
            }
            default -> {
            }
        }
        return true;
    }

    /** The socket this conversation rode on is gone: resume it elsewhere, or end it. */
    void connectionLost() {
        connection = null;
        if (finished) {
            return;
        }
        if (resumeToken == null || ending || !resumeTarget.policy().enabled()) {
            LOG.debugf("conversation %s of call %s ends with its socket (%s)", id, start.callId(),
                    resumeToken == null ? "no resume token" : ending ? "it was ending" : "resume is off");
            if (resumeToken == null && !ending && resumeTarget.policy().enabled()) {
                resumeTarget.observer().outcome(ResumeOutcome.NO_TOKEN);
            }
            closedByCore();
            return;
        }
        held().socketLost();
    }

    /** Writes a control record on the socket the conversation rides on now, held or not. */
    void writeNow(Buffer payload) {
        connection.write(id, ConversationRecords.CONTROL, payload);
    }

    /** No core restored the conversation in time: the core it may have reached is told, the listener too. */
    void resumeTimedOut() {
        CoreConnection current = connection;
        if (current != null && current.release(this)) {
            current.writeClosed(id);
        }
        closedByCore();
    }

    /** The core ended the conversation, the socket went without a resume, or a resume failed. */
    void closedByCore() {
        if (!finished) {
            finish();
            listener.onClosed();
        }
    }

    private void finish() {
        finished = true;
        connection = null;
        if (resumption != null) {
            resumption.cancel();
            resumption = null;
        }
    }

    /** What the lost conversation is resumed with: its first {@code start}, no pre-warm reference, the token. */
    SessionMessage.Start resumeStart() {
        return start.resuming(resumeToken);
    }

    SessionMessage.Start start() {
        return start;
    }

    ContextInternal context() {
        return context;
    }

    int id() {
        return id;
    }

    Listener listener() {
        return listener;
    }

    boolean isFinished() {
        return finished;
    }
}
