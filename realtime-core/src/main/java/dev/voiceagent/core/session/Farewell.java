package dev.voiceagent.core.session;

import dev.voiceagent.core.openai.ClientEvents;
import java.time.Duration;

/**
 * A conversation that must end before the caller is done (the instance or its gateway drains): the model says
 * goodbye in an out-of-band response, and the conversation ends when that response is done, or after a timeout if
 * it does not finish in time. Confined to the conversation's loop.
 */
final class Farewell {

    /** Said when the conversation must end before the caller is done. */
    static final String GOODBYE = "Tell the caller in one short sentence that you have to end the call now and "
            + "that they can call back any time; then say goodbye.";

    private final ConversationLoop loop;
    private final ResponseQueue responses;
    /** Why the conversation ends once the goodbye is done, or null. */
    private String reason;
    private String responseId;

    Farewell(ConversationLoop loop, ResponseQueue responses) {
        this.loop = loop;
        this.responses = responses;
    }

    boolean isUnderway() {
        return reason != null;
    }

    /** Asks for the goodbye; {@code end} runs after {@code timeout} unless the goodbye ends the call sooner. */
    void begin(String why, Duration timeout, Runnable end) {
        reason = why;
        loop.schedule(timeout, end);
        responses.request(ClientEvents.outOfBandResponse(GOODBYE));
    }

    /** A response was created: the goodbye is the last one requested. */
    void responseCreated(String id) {
        if (reason != null && responseId == null && responses.nothingQueued()) {
            responseId = id;
        }
    }

    /** @return the reason to end with when {@code id} was the goodbye, or null */
    String endsWith(String id) {
        return id.equals(responseId) ? reason : null;
    }
}
