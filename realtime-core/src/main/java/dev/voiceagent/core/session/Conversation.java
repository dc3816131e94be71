package dev.voiceagent.core.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voiceagent.agents.Agent;
import dev.voiceagent.agents.CallerContext;
import dev.voiceagent.core.model.ModelListener;
import dev.voiceagent.core.model.ModelSession;
import dev.voiceagent.core.openai.ClientEvents;
import dev.voiceagent.core.openai.ServerEvent;
import dev.voiceagent.core.openai.ServerEventParser;
import dev.voiceagent.session.Base64Audio;
import dev.voiceagent.session.EventLoops;
import dev.voiceagent.session.Role;
import dev.voiceagent.session.SessionMessage;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.impl.ContextInternal;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import org.jboss.logging.Logger;

/**
 * One conversation: a gateway on one side, one OpenAI Realtime session on the other. All its state is confined
 * to one Vert.x event loop (the upstream socket's), so nothing here is shared with another conversation and
 * nothing needs a lock. Calls from another thread are moved onto that loop.
 */
public final class Conversation {

    private static final Logger LOG = Logger.getLogger(Conversation.class);

    enum State {
        CONNECTING, CONFIGURING, READY, ENDED
    }

    private final String id;
    private final ConversationSetup setup;
    private final ConversationServices services;
    private final ContextInternal context;
    private final AssistantAudio assistant = new AssistantAudio();
    private final FunctionCalls functionCalls;
    private final ArrayDeque<String> pendingAudio = new ArrayDeque<>();
    /** response.create events waiting for the active response to finish: the API allows one at a time. */
    private final ArrayDeque<String> queuedResponses = new ArrayDeque<>();
    private String requestedResponse;
    private Agent agent;
    private int pendingAudioBytes;
    private boolean pendingOverflowReported;
    private State state = State.CONNECTING;
    private ModelSession upstream;
    private GatewayLink gateway;
    private boolean greeted;
    private String phoneSession;
    private long connectTimer = -1;
    /** Why the conversation ends once the goodbye being spoken is done, or null. */
    private String farewellReason;
    private String farewellResponseId;
    private final CallTelemetry telemetry;

    /** Said when the conversation must end before the caller is done (the instance shuts down). */
    static final String GOODBYE = "Tell the caller in one short sentence that you have to end the call now and "
            + "that they can call back any time; then say goodbye.";

    Conversation(String id, ConversationSetup setup, ConversationServices services, Context context) {
        this.id = id;
        this.setup = setup;
        this.services = services;
        this.context = (ContextInternal) context;
        this.agent = setup.agent();
        this.functionCalls = new FunctionCalls(this, services);
        this.telemetry = new CallTelemetry(services.metrics(), services.tracing(), setup);
    }

    CallTelemetry telemetry() {
        return telemetry;
    }

    public String id() {
        return id;
    }

    Agent agent() {
        return agent;
    }

    String channelName() {
        return setup.channelName();
    }

    Context context() {
        return context;
    }

    boolean isEnded() {
        return state == State.ENDED;
    }

    /** Opens the upstream session; call on the conversation's context. */
    void open() {
        telemetry.opening(setup.prewarmed());
        connectTimer = context.owner().setTimer(services.openAi().connectTimeout().toMillis(),
                t -> endWithError("upstream_timeout", "the model did not open a session in time"));
        services.model().open(new ModelListener() {
            @Override
            public void onEvent(String serverEvent) {
                onUpstreamText(serverEvent);
            }

            @Override
            public void onClosed(String detail) {
                onUpstreamClosed(detail);
            }
        }).onComplete(result -> {
            if (result.failed()) {
                services.metrics().upstreamError("connect_failed");
                endWithError("upstream_connect_failed", "cannot reach the model: " + result.cause().getMessage());
                return;
            }
            upstream = result.result();
            if (state == State.ENDED) {
                upstream.close();
            }
        });
    }

    /** The gateway joins (at once, or later for a pre-warmed session). */
    public void attach(GatewayLink link) {
        onContext(() -> {
            if (state == State.ENDED) {
                link.send(new SessionMessage.End("session_ended"));
                link.close();
                return;
            }
            gateway = link;
            if (state == State.READY) {
                announceReady();
            }
        });
    }

    public boolean isAttached() {
        return gateway != null;
    }

    public void onGatewayAudio(Buffer base64Audio) {
        onContext(() -> acceptAudio(base64Audio));
    }

    public void onGatewayMessage(SessionMessage.FromGateway message) {
        onContext(() -> {
            switch (message) {
                case SessionMessage.PlaybackInterrupted interrupted -> truncate(interrupted);
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
        onContext(() -> end("gateway_closed"));
    }

    /** Ends the conversation: closes both sides and reports why. Safe to call more than once. */
    public void end(String reason) {
        onContext(() -> {
            if (state == State.ENDED) {
                return;
            }
            state = State.ENDED;
            context.owner().cancelTimer(connectTimer);
            if (upstream != null) {
                upstream.close();
            }
            if (gateway != null) {
                gateway.send(new SessionMessage.End(reason));
                gateway.close();
            }
            pendingAudio.clear();
            services.ended(this, reason);
            LOG.infof("conversation %s ended after %d s: %s", id, telemetry.ended(reason).toSeconds(), reason);
        });
    }

    /**
     * Ends the conversation after the model says goodbye (an out-of-band response), or after {@code timeout} if the
     * goodbye does not finish in time. Safe to call more than once.
     */
    public void farewell(String reason, Duration timeout) {
        onContext(() -> {
            if (state == State.ENDED || farewellReason != null) {
                return;
            }
            if (state != State.READY) {
                end(reason);
                return;
            }
            farewellReason = reason;
            context.owner().setTimer(timeout.toMillis(), t -> end(reason));
            requestResponse(ClientEvents.outOfBandResponse(GOODBYE));
        });
    }

    private void endWithError(String code, String message) {
        if (gateway != null && state != State.ENDED) {
            gateway.send(new SessionMessage.Error(code, message, true));
        }
        end(code);
    }

    private void acceptAudio(Buffer frame) {
        if (state == State.ENDED) {
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
        if (state == State.READY) {
            sendUpstream(ClientEvents.appendAudio(audio));
            return;
        }
        if (pendingAudioBytes + audio.length() > services.core().pendingAudioLimitBytes()) {
            services.metrics().badInput("pending_audio_overflow");
            if (!pendingOverflowReported) {
                pendingOverflowReported = true;
                warnGateway("audio_dropped", "the model is not ready yet; caller audio beyond the buffer was dropped");
            }
            return;
        }
        pendingAudio.add(audio);
        pendingAudioBytes += audio.length();
    }

    private void onUpstreamText(String text) {
        ServerEvent event;
        try {
            event = ServerEventParser.parse(text);
        } catch (IOException e) {
            services.metrics().upstreamError("malformed_event");
            LOG.warnf("conversation %s: malformed event from the model: %s", id, e.getMessage());
            return;
        }
        if (event.isAudioDelta()) {
            forwardAudio(event);
            return;
        }
        switch (event.type()) {
            case "session.created" -> configure();
            case "session.updated" -> onConfigured();
            case "input_audio_buffer.speech_started" -> onSpeechStarted(event);
            case "input_audio_buffer.speech_stopped" -> onSpeechStopped(event);
            case "response.created" -> onResponseCreated(event);
            case "response.done" -> onResponseDone(event);
            case "response.output_item.done" -> {
                JsonNode item = event.json().path("item");
                if ("function_call".equals(item.path("type").asText())) {
                    functionCalls.onFunctionCall(item);
                }
            }
            case "response.output_audio.done" -> onAudioDone(event);
            case "response.output_audio_transcript.delta" ->
                toGateway(new SessionMessage.Transcript(Role.ASSISTANT, event.itemId(), event.delta(), false));
            case "response.output_audio_transcript.done" ->
                toGateway(new SessionMessage.Transcript(Role.ASSISTANT, event.itemId(), event.text("transcript"), true));
            case "conversation.item.input_audio_transcription.completed" ->
                toGateway(new SessionMessage.Transcript(Role.USER, event.itemId(), event.text("transcript"), true));
            case "error" -> onUpstreamError(event);
            default -> {
                // The API sends many informational events (rate limits, item lifecycle); none needs an action.
            }
        }
    }

    /** The first session.update waits for the caller-ID lookup, so the greeting can use what it found. */
    private void configure() {
        state = State.CONFIGURING;
        setup.phoneSession().onComplete(lookup -> {
            phoneSession = lookup.succeeded() ? lookup.result() : null;
            sendSessionUpdate(true);
        });
    }

    private void sendSessionUpdate(boolean first) {
        String instructions = new CallerContext(setup.caller(), LocalDate.now(services.clock()), phoneSession)
                .render(agent);
        ObjectNode session = services.sessionConfig().session(setup.codec(), instructions, first, agent.voice());
        session.set("tools", services.agentTools().toolsFor(agent, setup.channelName()));
        sendUpstream(ClientEvents.sessionUpdate(session));
    }

    /** Another agent takes over: new instructions and tools, the same audio formats and voice. */
    void handOff(Agent target) {
        LOG.infof("conversation %s: %s hands off to %s", id, agent.name(), target.name());
        telemetry.handoff(agent.name(), target.name());
        agent = target;
        sendSessionUpdate(false);
        toGateway(new SessionMessage.AgentChanged(target.name()));
    }

    /** Sends a response.create now, or once the active response is done. */
    void requestResponse(String event) {
        if (requestedResponse != null || assistant.responseInFlight() != null) {
            queuedResponses.add(event);
            return;
        }
        requestedResponse = event;
        sendUpstream(event);
    }

    private void onResponseCreated(ServerEvent event) {
        String responseId = event.json().path("response").path("id").asText();
        if (farewellReason != null && farewellResponseId == null && queuedResponses.isEmpty()) {
            farewellResponseId = responseId; // the goodbye is the last response requested
        }
        requestedResponse = null;
        assistant.responseStarted(responseId);
    }

    private void onResponseDone(ServerEvent event) {
        JsonNode response = event.json().path("response");
        String responseId = response.path("id").asText();
        assistant.responseDone(responseId);
        telemetry.responseDone(response);
        if (responseId.equals(farewellResponseId)) {
            end(farewellReason);
            return;
        }
        String next = requestedResponse == null ? queuedResponses.poll() : null;
        if (next != null) {
            requestedResponse = next;
            sendUpstream(next);
        }
    }

    private void onConfigured() {
        if (state != State.CONFIGURING) {
            return;
        }
        state = State.READY;
        context.owner().cancelTimer(connectTimer);
        telemetry.ready();
        String audio;
        while ((audio = pendingAudio.poll()) != null) {
            sendUpstream(ClientEvents.appendAudio(audio));
        }
        pendingAudioBytes = 0;
        if (gateway != null) {
            announceReady();
        }
    }

    private void announceReady() {
        gateway.send(new SessionMessage.Ready(id, agent.name(), setup.prewarmed(), services.model().label(), null));
        if (!greeted) {
            greeted = true;
            requestResponse(ClientEvents.responseCreate());
        }
    }

    private void forwardAudio(ServerEvent delta) {
        if (assistant.isDiscarded(delta.responseId()) || delta.delta() == null) {
            return;
        }
        Buffer audio = Base64Audio.toBuffer(delta.delta());
        if (assistant.recordDelta(delta.itemId(), setup.codec().millisOfBase64(audio)) && gateway != null) {
            gateway.send(new SessionMessage.AudioItem(delta.itemId(), delta.responseId()));
        }
        if (gateway != null) {
            gateway.sendAudio(audio);
            telemetry.frameOut();
        }
    }

    private void onAudioDone(ServerEvent event) {
        assistant.itemDone(event.itemId());
        if (!assistant.isDiscarded(event.responseId())) {
            toGateway(new SessionMessage.AudioDone(event.itemId()));
        }
    }

    private void onSpeechStopped(ServerEvent event) {
        telemetry.turnEnded();
        toGateway(new SessionMessage.SpeechStopped(event.itemId()));
    }

    private void onSpeechStarted(ServerEvent event) {
        if (assistant.responseInFlight() != null) {
            services.metrics().bargeIn();
        }
        assistant.discardResponseInFlight();
        toGateway(new SessionMessage.SpeechStarted(event.itemId()));
    }

    /** The gateway says what the caller really heard; the model forgets the rest of what it said. */
    private void truncate(SessionMessage.PlaybackInterrupted interrupted) {
        for (SessionMessage.HeardItem heard : interrupted.items()) {
            long sent = assistant.sentMs(heard.itemId());
            if (sent < 0) {
                continue;
            }
            sendUpstream(ClientEvents.truncate(heard.itemId(), Math.max(0, Math.min(heard.heardMs(), sent))));
        }
        if (!services.openAi().turnDetection().interruptResponse() && assistant.responseInFlight() != null) {
            sendUpstream(ClientEvents.responseCancel());
        }
    }

    private void onUpstreamError(ServerEvent event) {
        String type = event.json().path("error").path("type").asText("unknown");
        String code = event.json().path("error").path("code").asText("");
        String message = event.json().path("error").path("message").asText("");
        if ("response_cancel_not_active".equals(code)) {
            return; // the response ended on its own meanwhile: nothing to cancel, nothing wrong
        }
        if ("conversation_already_has_active_response".equals(code) && requestedResponse != null) {
            queuedResponses.addFirst(requestedResponse); // sent again once the active response is done
            requestedResponse = null;
            return;
        }
        services.metrics().upstreamError(type);
        LOG.warnf("conversation %s: model reported %s %s: %s", id, type, code, message);
        toGateway(new SessionMessage.Error(code.isEmpty() ? type : code, message, false));
    }

    private void onUpstreamClosed(String detail) {
        if (state != State.ENDED) {
            services.metrics().upstreamError("closed");
            endWithError("upstream_closed", "the model closed the session (" + detail + ")");
        }
    }

    private void warnGateway(String code, String message) {
        toGateway(new SessionMessage.Error(code, message, false));
    }

    void toGateway(SessionMessage.FromCore message) {
        if (gateway != null && state != State.ENDED) {
            gateway.send(message);
        }
    }

    void sendUpstream(String event) {
        if (upstream != null) {
            upstream.send(event);
        }
    }

    private void onContext(Runnable action) {
        EventLoops.run(context, action);
    }
}
