package dev.voiceagent.core.session;

import dev.voiceagent.agents.Agent;
import dev.voiceagent.core.openai.ClientEvents;
import dev.voiceagent.core.openai.ModelEvent;
import dev.voiceagent.session.Base64Audio;
import dev.voiceagent.session.SessionMessage;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One conversation: a gateway on one side, an upstream model session on the other ({@link ModelConnection}, which
 * replaces a lost session). Its state is confined to its {@link ConversationLoop}, so nothing here is shared with
 * another conversation and nothing needs a lock; calls from another thread are moved onto that loop. What the
 * model says is handled by {@link ModelEvents}; the turns so far are kept in {@link ConversationHistory}.
 */
public final class Conversation implements ModelConnection.Listener {

    private static final Logger LOG = Logger.getLogger(Conversation.class);

    private final String id;
    private final ConversationSetup setup;
    private final ConversationServices services;
    private final ConversationLoop loop;
    private final AssistantAudio assistant = new AssistantAudio();
    private final ConversationHistory history;
    private final CallerAudio callerAudio;
    private final ResponseQueue responses;
    private final ModelConnection connection;
    private final FunctionCalls functionCalls;
    private final ModelEvents modelEvents;
    private final CallTelemetry telemetry;
    private GatewayLink gateway;
    private boolean ended;
    private boolean greeted;
    private boolean heldAudioOverflowReported;
    private final Farewell farewell;

    Conversation(String id, ConversationSetup setup, ConversationServices services, ConversationLoop loop) {
        this.id = id;
        this.setup = setup;
        this.services = services;
        this.loop = loop;
        this.callerAudio = new CallerAudio(services.core().pendingAudioLimitBytes(),
                base64Bytes(setup, services.core().reconnect().replayedAudio()));
        this.history = new ConversationHistory(setup.agent(), services.core().reconnect().historyItems());
        this.telemetry = new CallTelemetry(services.metrics(), services.tracing(), setup);
        this.connection = new ModelConnection(id, services.model(), loop, services.clock(),
                services.openAi().connectTimeout(), services.core().reconnect(), callerAudio, services.metrics(),
                services.reconnects(), this);
        this.responses = new ResponseQueue(connection::send);
        this.farewell = new Farewell(loop, responses);
        this.functionCalls = new FunctionCalls(this, services, loop);
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

    // For the conversation's parts (ModelEvents, FunctionCalls), which share its state.
    CallTelemetry telemetry() {
        return telemetry;
    }

    ConversationSetup setup() {
        return setup;
    }

    ConversationHistory history() {
        return history;
    }

    CallerAudio callerAudio() {
        return callerAudio;
    }

    FunctionCalls functionCalls() {
        return functionCalls;
    }

    Agent agent() {
        return history.agent();
    }

    String channelName() {
        return setup.channelName();
    }

    boolean isEnded() {
        return ended;
    }

    /** Opens the upstream session; call on the conversation's loop. */
    void open() {
        telemetry.opening(setup.prewarmed());
        connection.open();
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
                case SessionMessage.Start start -> warnGateway("protocol", "start sent twice");
            }
        });
    }

    public void onGatewayClosed() {
        loop.execute(() -> end("gateway_closed"));
    }

    /** Ends the conversation: closes both sides and reports why. Safe to call more than once. */
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
            services.ended(this, reason);
            LOG.infof("conversation %s ended after %d s: %s", id, telemetry.ended(reason).toSeconds(), reason);
        });
    }

    /**
     * Ends the conversation after the model says goodbye (an out-of-band response), or after {@code timeout} if the
     * goodbye does not finish in time. Safe to call more than once.
     */
    public void farewell(String reason, Duration timeout) {
        loop.execute(() -> {
            if (ended || farewell.isUnderway()) {
                return;
            }
            if (!connection.isReady()) {
                end(reason);
                return;
            }
            farewell.begin(reason, timeout, () -> end(reason));
        });
    }

    Farewell farewell() {
        return farewell;
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
        if (!connection.sendAudio(frame, audio)) {
            services.metrics().badInput("pending_audio_overflow");
            if (!heldAudioOverflowReported) {
                heldAudioOverflowReported = true;
                warnGateway("audio_dropped", "the model is not ready; caller audio beyond the buffer was dropped");
            }
        }
    }

    // ---- the upstream session (ModelConnection.Listener) ---------------------------------------------------------

    /** The first session.update waits for the caller-ID lookup, so the greeting can use what it found. */
    @Override
    public void configure(boolean resumed) {
        if (resumed) {
            sendSessionUpdate(true);
            HistoryReplay.replay(history, connection::send);
            return;
        }
        setup.phoneSession().onComplete(lookup -> {
            history.callerContext(lookup.succeeded() ? lookup.result() : null);
            sendSessionUpdate(true);
        });
    }

    @Override
    public void ready(boolean resumed) {
        heldAudioOverflowReported = false;
        if (resumed) {
            responses.resume();
            return;
        }
        telemetry.ready();
        if (gateway != null) {
            announceReady();
        }
    }

    @Override
    public void event(ModelEvent event) {
        modelEvents.on(event);
    }

    @Override
    public void reconnecting(String reason) {
        responses.sessionLost();
        assistant.discardResponseInFlight();
        toGateway(new SessionMessage.Error("model_reconnecting",
                "the model's session was lost (" + reason + "); the conversation goes on in a new one", false));
    }

    @Override
    public void failed(String code, String message, boolean everReady) {
        if (ended) {
            return;
        }
        services.metrics().upstreamError(code);
        // Once a caller has been talking, no model is there to apologise: the core's own recording, then the end.
        long playing = everReady && gateway != null ? Apology.play(gateway, setup.codec()) : 0;
        toGateway(new SessionMessage.Error(code, message, true));
        if (playing == 0) {
            end(code);
        } else {
            loop.schedule(Duration.ofMillis(playing), () -> end(code));
        }
    }

    @Override
    public boolean idle() {
        return responses.active() == null && !farewell.isUnderway();
    }

    void onIdle() {
        connection.onIdle();
    }

    private void sendSessionUpdate(boolean firstOfSession) {
        sendUpstream(SessionUpdates.forCurrentAgent(setup, services, history, firstOfSession));
    }

    /** Another agent takes over: new instructions and tools, the same audio formats and voice. */
    void handOff(Agent target) {
        LOG.infof("conversation %s: %s hands off to %s", id, history.agent().name(), target.name());
        telemetry.handoff(history.agent().name(), target.name());
        history.agent(target);
        sendSessionUpdate(false);
        toGateway(new SessionMessage.AgentChanged(target.name()));
    }

    /** Sends a response.create now, or once the active response is done. */
    void requestResponse(String event) {
        responses.request(event);
    }

    private void announceReady() {
        gateway.send(new SessionMessage.Ready(id, history.agent().name(), setup.prewarmed(),
                services.model().label(), null));
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
