package dev.voiceagent.core.session;

import dev.voiceagent.agents.Agent;
import dev.voiceagent.core.checkpoint.Checkpoint;
import dev.voiceagent.core.openai.ClientEvents;
import dev.voiceagent.session.Base64Audio;
import dev.voiceagent.session.SessionMessage;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One conversation: a gateway on one side, an upstream model session on the other ({@link ModelConnection}, which
 * replaces a lost session; {@link UpstreamLifecycle} reacts to it). Its state is confined to its
 * {@link ConversationLoop}, so nothing here is shared with another conversation and nothing needs a lock; calls from
 * another thread are moved onto that loop. What the model says is handled by {@link ModelEvents}; the turns so far
 * are kept in {@link ConversationHistory} and checkpointed at every turn.
 */
public final class Conversation {

    private static final Logger LOG = Logger.getLogger(Conversation.class);
    /** The gateway's socket went away without an {@code end}: it may come back and resume the conversation. */
    static final String GATEWAY_LOST = "gateway_closed";

    private final String id;
    // The conversation's parts (ModelEvents, FunctionCalls, UpstreamLifecycle) share this state directly.
    final ConversationSetup setup;
    final ConversationServices services;
    final ConversationLoop loop;
    final AssistantAudio assistant = new AssistantAudio();
    final ConversationHistory history;
    final CallerAudio callerAudio;
    final ResponseQueue responses;
    final ModelConnection connection;
    final FunctionCalls functionCalls;
    final ModelEvents modelEvents;
    final CallTelemetry telemetry;
    final Farewell farewell;
    final TransferToHuman transferToHuman;
    private GatewayLink gateway;
    private boolean ended;
    private boolean greeted;
    private boolean heldAudioOverflowReported;

    Conversation(String id, ConversationSetup setup, ConversationServices services, ConversationLoop loop) {
        this.id = id;
        this.setup = setup;
        this.services = services;
        this.loop = loop;
        this.callerAudio = new CallerAudio(base64Bytes(setup, services.core().heldAudio()),
                base64Bytes(setup, services.core().reconnect().replayedAudio()));
        this.history = new ConversationHistory(setup.agent(), services.core().reconnect().historyItems());
        this.telemetry = new CallTelemetry(services.metrics(), services.tracing(), setup);
        this.connection = new ModelConnection(id, services.model(), loop, services.clock(),
                services.openAi().connectTimeout(), services.core().reconnect(), callerAudio, services.metrics(),
                services.reconnects(), new UpstreamLifecycle(this));
        this.responses = new ResponseQueue(connection::send, connection::isReady);
        this.farewell = new Farewell(loop, responses);
        this.functionCalls = new FunctionCalls(this, services, loop);
        this.transferToHuman = new TransferToHuman(this, services);
        this.modelEvents = new ModelEvents(this, services, assistant, responses);
    }

    public String id() {
        return id;
    }

    /** How many bytes of base64 text {@code duration} of the call's audio takes. */
    private static int base64Bytes(ConversationSetup setup, Duration duration) {
        long raw = duration.toMillis() * setup.codec().sampleRate() * setup.codec().bytesPerSample() / 1000;
        return (int) (raw * 4 / 3);
    }

    boolean isEnded() {
        return ended;
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    /** Opens the upstream session; call on the conversation's loop. */
    void open() {
        telemetry.opening(setup.prewarmed());
        connection.open();
    }

    /**
     * Continues a conversation checkpointed elsewhere once its checkpoint is loaded ({@link Restore}): a new upstream
     * session gets its agent and items, or, when the checkpoint is lost, the conversation begins afresh and the model
     * greets; then the gateway hears {@code ready}. Caller audio meanwhile is held.
     */
    void resume(Future<Optional<Checkpoint>> loading) {
        telemetry.opening(false);
        loading.onComplete(loaded -> loop.execute(() -> {
            if (ended) {
                return;
            }
            // A conversation restored where it was had its greeting on its first core.
            greeted = Restore.from(loaded, this);
            if (greeted) {
                connection.resumeFromCheckpoint();
            } else {
                connection.open();
            }
        }));
    }

    /** The gateway joins (at once, or later for a pre-warmed session). */
    public void attach(GatewayLink link) {
        loop.execute(() -> {
            if (ended) {
                link.send(new SessionMessage.End("session_ended"));
                link.close();
                return;
            }
            gateway = link;
            if (connection.isReady()) {
                announceReady();
            }
        });
    }

    public boolean isAttached() {
        return gateway != null;
    }

    public void onGatewayAudio(Buffer base64Audio) {
        loop.execute(() -> acceptAudio(base64Audio));
    }

    public void onGatewayMessage(SessionMessage.FromGateway message) {
        loop.execute(() -> {
            switch (message) {
                case SessionMessage.PlaybackInterrupted interrupted -> modelEvents.truncate(interrupted);
                case SessionMessage.Dtmf dtmf -> sendUpstream(ClientEvents.systemNote(
                        "The caller pressed the key " + dtmf.digit() + " on their phone keypad."));
                case SessionMessage.End end -> {
                    if (SessionMessage.End.DRAIN.equals(end.reason())) {
                        farewell(end.reason(), services.drain().goodbyeTimeout());
                    } else {
                        end(end.reason());
                    }
                }
                case SessionMessage.HandoffResult result -> transferToHuman.result(result);
                case SessionMessage.Start start -> warnGateway("protocol", "start sent twice");
            }
        });
    }

    public void onGatewayClosed() {
        loop.execute(() -> end(GATEWAY_LOST));
    }

    /**
     * Ends the conversation: closes both sides and reports why. Safe to call more than once. Its checkpoint is
     * deleted unless the gateway's socket was lost or the caller went to a person, in which case the gateway may
     * resume it until it expires.
     */
    public void end(String reason) {
        loop.execute(() -> {
            if (ended) {
                return;
            }
            ended = true;
            connection.close();
            responses.clear();
            if (gateway != null) {
                gateway.send(new SessionMessage.End(reason));
                gateway.close();
            }
            transferToHuman.ended(reason);
            if (!GATEWAY_LOST.equals(reason) && !SessionMessage.End.TRANSFERRED.equals(reason)) {
                services.checkpoints().delete(id);
            }
            services.ended(this, reason);
            LOG.infof("conversation %s ended after %d s: %s", id, telemetry.ended(reason).toSeconds(), reason);
        });
    }

    /**
     * Ends the conversation after the model says goodbye (an out-of-band response; during a reconnect, once the new
     * session is ready), or after {@code timeout} if the goodbye does not finish in time. Safe to call more than once.
     */
    public void farewell(String reason, Duration timeout) {
        loop.execute(() -> {
            if (ended || farewell.isUnderway()) {
                return;
            }
            if (!connection.isReady() && !connection.isReconnecting()) {
                end(reason);
                return;
            }
            // while reconnecting, the new session says it
            farewell.begin(ClientEvents.outOfBandResponse(Farewell.GOODBYE), timeout, () -> end(reason));
        });
    }

    /** No model session can be had: the caller hears why (a recording when they were talking), then the end. */
    void failed(String code, String message, boolean callerWasTalking) {
        if (ended) {
            return;
        }
        services.metrics().upstreamError(code);
        long playing = callerWasTalking && gateway != null ? Apology.play(gateway, setup.codec()) : 0;
        toGateway(new SessionMessage.Error(code, message, true));
        if (playing == 0) {
            end(code);
        } else {
            loop.schedule(Duration.ofMillis(playing), () -> end(code));
        }
    }

    private void acceptAudio(Buffer frame) {
        if (ended) {
            return;
        }
        // The frame's one copy: checked here, then wrapped as it is into the append event.
        String audio = frame.toString(StandardCharsets.ISO_8859_1);
        if (audio.length() > services.core().maxAudioFrameBytes() || !Base64Audio.isValid(audio)) {
            services.metrics().badInput("audio_frame");
            warnGateway("bad_audio", "audio frames must be base64 text of at most "
                    + services.core().maxAudioFrameBytes() + " bytes");
            return;
        }
        telemetry.frameIn();
        if (connection.sendAudio(frame, audio)) {
            heldAudioOverflowReported = false;
            return;
        }
        services.metrics().badInput("pending_audio_overflow");
        if (!heldAudioOverflowReported) {
            heldAudioOverflowReported = true;
            warnGateway("audio_dropped", "the model is not ready; caller audio beyond the buffer was dropped");
        }
    }

    /** Another agent takes over: new instructions and tools, the same audio formats and voice. */
    void handOff(Agent target) {
        LOG.infof("conversation %s: %s hands off to %s", id, history.agent().name(), target.name());
        telemetry.handoff(history.agent().name(), target.name());
        history.agent(target);
        sendUpstream(SessionUpdates.forCurrentAgent(setup, services, history, false));
        toGateway(new SessionMessage.AgentChanged(target.name()));
    }

    /** Sends a response.create now, or once the active response is done. */
    void requestResponse(String event) {
        responses.request(event);
    }

    /** A turn is complete (a response, a tool's output, a hand-off): another core could take over from here. */
    void checkpoint() {
        if (!ended) {
            services.checkpoints().save(history.checkpoint(id));
        }
    }

    void announceReady() {
        if (gateway == null) {
            return;
        }
        gateway.send(new SessionMessage.Ready(id, history.agent().name(), setup.prewarmed(),
                services.model().label(), services.resumeTokens().map(tokens -> tokens.issue(id)).orElse(null)));
        if (!greeted) {
            greeted = true;
            requestResponse(ClientEvents.responseCreate());
        }
    }

    void warnGateway(String code, String message) {
        toGateway(new SessionMessage.Error(code, message, false));
    }

    void toGateway(SessionMessage.FromCore message) {
        if (gateway != null && !ended) {
            gateway.send(message);
        }
    }

    /** Assistant audio (base64 text) for the gateway, as one audio record. */
    void audioToGateway(Buffer audio) {
        if (gateway != null && !ended) {
            gateway.sendAudio(audio);
            telemetry.frameOut();
        }
    }

    void sendUpstream(String event) {
        connection.send(event);
    }
}
