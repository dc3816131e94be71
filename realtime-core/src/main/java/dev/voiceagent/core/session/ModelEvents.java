package dev.voiceagent.core.session;

import dev.voiceagent.core.openai.ClientEvents;
import dev.voiceagent.core.openai.ModelEvent;
import dev.voiceagent.session.Base64Audio;
import dev.voiceagent.session.Role;
import dev.voiceagent.session.SessionMessage;
import io.vertx.core.buffer.Buffer;
import org.jboss.logging.Logger;

/**
 * What the conversation does with each event of the model: relays audio and transcripts to the gateway, keeps the
 * history, sequences responses, and handles barge-in (stop forwarding the interrupted answer, then truncate it at
 * what the caller heard). Confined to the conversation's loop.
 */
final class ModelEvents {

    private static final Logger LOG = Logger.getLogger(ModelEvents.class);

    private final Conversation conversation;
    private final ConversationServices services;
    private final AssistantAudio assistant;
    private final ResponseQueue responses;
    private final ModelLimits limits;

    ModelEvents(Conversation conversation, ConversationServices services, AssistantAudio assistant,
            ResponseQueue responses) {
        this.conversation = conversation;
        this.services = services;
        this.assistant = assistant;
        this.responses = responses;
        this.limits = new ModelLimits(conversation.id(), services.core().maxTranscriptChars(), services.reconnects());
    }

    void on(ModelEvent event) {
        switch (event) {
            case ModelEvent.AudioDelta delta -> forwardAudio(delta);
            case ModelEvent.SpeechStarted started -> onSpeechStarted(started);
            case ModelEvent.SpeechStopped stopped -> {
                conversation.telemetry.turnEnded();
                conversation.toGateway(new SessionMessage.SpeechStopped(stopped.itemId()));
            }
            case ModelEvent.ResponseCreated created -> {
                conversation.farewell.responseCreated(created.responseId());
                responses.created(created.responseId());
                assistant.responseStarted(created.responseId());
            }
            case ModelEvent.ResponseDone done -> onResponseDone(done);
            case ModelEvent.FunctionCall call -> conversation.functionCalls.onFunctionCall(call);
            case ModelEvent.AudioDone done -> {
                assistant.itemDone(done.itemId());
                if (!assistant.isDiscarded(done.responseId())) {
                    conversation.toGateway(new SessionMessage.AudioDone(done.itemId()));
                }
            }
            case ModelEvent.AssistantTranscriptDelta delta -> conversation.toGateway(new SessionMessage.Transcript(
                    Role.ASSISTANT, delta.itemId(), limits.text(delta.delta()), false));
            case ModelEvent.AssistantTranscriptDone done -> {
                String text = limits.text(done.transcript());
                conversation.history.assistant(text);
                conversation.toGateway(new SessionMessage.Transcript(Role.ASSISTANT, done.itemId(), text, true));
            }
            case ModelEvent.UserTranscript transcript -> {
                String text = limits.text(transcript.transcript());
                conversation.history.user(text);
                conversation.callerAudio.turnTranscribed();
                conversation.toGateway(new SessionMessage.Transcript(Role.USER, transcript.itemId(), text, true));
            }
            case ModelEvent.Error error -> onError(error);
            case ModelEvent.SessionCreated created -> {
            }
            case ModelEvent.SessionUpdated updated -> {
            }
            case ModelEvent.Other other -> {
                // The API sends many informational events (rate limits, item lifecycle); none needs an action.
            }
        }
    }

    private void forwardAudio(ModelEvent.AudioDelta delta) {
        if (assistant.isDiscarded(delta.responseId()) || delta.delta() == null || !limits.isPlayable(delta.delta())) {
            return;
        }
        Buffer audio = Base64Audio.toBuffer(delta.delta());
        if (assistant.recordDelta(delta.itemId(), conversation.setup.codec().millisOfBase64(audio))) {
            conversation.toGateway(new SessionMessage.AudioItem(delta.itemId(), delta.responseId()));
        }
        ModelLimits.inRecords(audio, conversation::audioToGateway);
    }

    private void onSpeechStarted(ModelEvent.SpeechStarted event) {
        if (assistant.responseInFlight() != null) {
            services.metrics().bargeIn();
        }
        assistant.discardResponseInFlight();
        conversation.toGateway(new SessionMessage.SpeechStarted(event.itemId()));
    }

    private void onResponseDone(ModelEvent.ResponseDone done) {
        assistant.responseDone(done.responseId());
        conversation.telemetry.responseDone(done.response());
        responses.done(done.responseId());
        if (conversation.farewell.finishedBy(done.responseId())) {
            return; // what follows the last line ran: the end, or the hand-off to a person (which checkpoints)
        }
        conversation.checkpoint();
        if (responses.active() == null) {
            conversation.connection.onIdle();
        }
    }

    /** The gateway says what the caller really heard; the model forgets the rest of what it said. */
    void truncate(SessionMessage.PlaybackInterrupted interrupted) {
        for (SessionMessage.HeardItem heard : interrupted.items()) {
            long sent = assistant.sentMs(heard.itemId());
            if (sent < 0) {
                continue;
            }
            conversation.sendUpstream(
                    ClientEvents.truncate(heard.itemId(), Math.max(0, Math.min(heard.heardMs(), sent))));
        }
        boolean serverInterrupts = services.settings().channel(conversation.setup.channel()).turnDetection()
                .interruptResponse();
        if (!serverInterrupts && assistant.responseInFlight() != null) {
            conversation.sendUpstream(ClientEvents.responseCancel());
        }
    }

    private void onError(ModelEvent.Error error) {
        if ("response_cancel_not_active".equals(error.code())) {
            return; // the response ended on its own meanwhile: nothing to cancel, nothing wrong
        }
        if ("conversation_already_has_active_response".equals(error.code()) && responses.refusedAsBusy()) {
            return; // sent again once the active response is done
        }
        String message = limits.text(error.message());
        services.metrics().upstreamError(error.type());
        LOG.warnf("conversation %s: model reported %s %s: %s", conversation.id(), error.type(), error.code(), message);
        conversation.toGateway(new SessionMessage.Error(error.code().isEmpty() ? error.type() : error.code(),
                message, false));
    }
}
