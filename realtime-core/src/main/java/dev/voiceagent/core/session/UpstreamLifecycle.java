package dev.voiceagent.core.session;

import dev.voiceagent.core.checkpoint.ConversationItem;
import dev.voiceagent.core.openai.ClientEvents;
import dev.voiceagent.core.openai.ModelEvent;
import dev.voiceagent.session.SessionMessage;

/**
 * What the conversation does as its upstream session comes and goes: configures each new session (re-creating the
 * conversation in a replacement), announces the first one to the gateway, re-requests a response a lost session
 * cut off, and gives up with the caller told why.
 */
final class UpstreamLifecycle implements ModelConnection.Listener {

    /** The output a call gets when the core running it went away before it answered. */
    static final String INTERRUPTED_CALL = "Error: the system restarted while this ran, so it is not known whether "
            + "it completed; tell the caller and check before trying it again.";

    private final Conversation conversation;

    UpstreamLifecycle(Conversation conversation) {
        this.conversation = conversation;
    }

    /** The first session.update waits for the caller-ID lookup, so the greeting can use what it found. */
    @Override
    public void configure(boolean resumed) {
        ConversationHistory history = conversation.history;
        if (resumed) {
            sendSessionUpdate();
            HistoryReplay.replay(history, conversation::sendUpstream);
            return;
        }
        conversation.setup.phoneSession().answer().onComplete(lookup -> {
            if (history.callerContext() == null) {
                history.callerContext(lookup.succeeded() ? lookup.result() : null);
            }
            sendSessionUpdate();
        });
    }

    private void sendSessionUpdate() {
        conversation.sendUpstream(SessionUpdates.forCurrentAgent(conversation.setup, conversation.services,
                conversation.history, true));
    }

    @Override
    public void ready(boolean resumed) {
        if (!resumed) {
            conversation.telemetry.ready();
            conversation.announceReady();
        }
        answerInterruptedCalls();
        conversation.responses.resume();
    }

    /** Calls still running on a core that went away get an output, and the model a turn to tell the caller. */
    private void answerInterruptedCalls() {
        for (ConversationItem.FunctionCall call : conversation.history.unansweredCalls()) {
            if (!conversation.functionCalls.isRunning(call.callId())) {
                conversation.history.functionOutput(call.callId(), INTERRUPTED_CALL);
                conversation.sendUpstream(ClientEvents.functionCallOutput(call.callId(), INTERRUPTED_CALL));
                conversation.requestResponse(ClientEvents.responseCreate());
            }
        }
    }

    @Override
    public void event(ModelEvent event) {
        conversation.modelEvents.on(event);
    }

    @Override
    public void reconnecting(String reason) {
        conversation.responses.sessionLost();
        conversation.assistant.discardResponseInFlight();
        conversation.toGateway(new SessionMessage.Error("model_reconnecting",
                "the model's session was lost (" + reason + "); the conversation goes on in a new one", false));
    }

    @Override
    public void failed(String code, String message, boolean everReady) {
        conversation.failed(code, message, everReady);
    }

    @Override
    public boolean idle() {
        return conversation.responses.active() == null && !conversation.farewell.isUnderway();
    }
}
