package dev.voiceagent.core.session;

import java.time.Duration;

/**
 * The last thing the agent says before something happens: a goodbye before the conversation ends (the instance or
 * its gateway drains), or its line before the caller is handed to a person. The response is asked for, and what
 * follows runs once, when that response is done or after a timeout if it does not finish in time. Confined to the
 * conversation's loop.
 */
final class Farewell {

    /** Said when the conversation must end before the caller is done. */
    static final String GOODBYE = "Tell the caller in one short sentence that you have to end the call now and "
            + "that they can call back any time; then say goodbye.";

    private final ConversationLoop loop;
    private final ResponseQueue responses;
    /** What runs once the last line is done, or null. */
    private Runnable then;
    private String responseId;
    private long timer;

    Farewell(ConversationLoop loop, ResponseQueue responses) {
        this.loop = loop;
        this.responses = responses;
    }

    boolean isUnderway() {
        return then != null;
    }

    /** Asks for the last line ({@code response}, a {@code response.create}); {@code then} runs once it is done. */
    void begin(String response, Duration timeout, Runnable next) {
        then = next;
        responseId = null;
        timer = loop.schedule(timeout, this::finish);
        responses.request(response);
    }

    /** A response was created: the last line is the last one requested. */
    void responseCreated(String id) {
        if (then != null && responseId == null && responses.nothingQueued()) {
            responseId = id;
        }
    }

    /** @return whether {@code id} was the last line; what follows it has run then */
    boolean finishedBy(String id) {
        if (!id.equals(responseId)) {
            return false;
        }
        loop.cancel(timer);
        finish();
        return true;
    }

    private void finish() {
        Runnable next = then;
        then = null;
        responseId = null;
        if (next != null) {
            next.run();
        }
    }
}
