package dev.voiceagent.telephony.call;

import io.vertx.core.Future;

/**
 * Moves a live phone call to a person: Twilio's REST API in production ({@code transfer.TwilioTransfers}), a fake in
 * tests. The call's media stream ends once Twilio runs the new instructions.
 */
public interface TransferPort {

    /**
     * What to move where.
     *
     * @param caller the caller's number, or null
     * @param reason the agent's reason
     * @param summary the agent's summary for the person
     * @param target a configured target's name, or null for the default
     * @param resumeToken resumes the conversation if the person is not reached (the last {@code ready}'s), or null
     */
    record Transfer(String callSid, String caller, String reason, String summary, String target,
            String resumeToken) {
    }

    /** Completes once Twilio took the new instructions; fails with the words to tell the agent. */
    Future<Void> move(Transfer transfer);
}
