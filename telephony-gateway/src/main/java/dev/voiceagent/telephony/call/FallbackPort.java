package dev.voiceagent.telephony.call;

import io.vertx.core.Future;

/** How a call the AI cannot answer is handed back to Twilio, to say so and dial on or hang up. */
public interface FallbackPort {

    /**
     * Replaces the call's running TwiML (its media stream) with the fallback; Twilio then stops the stream.
     *
     * @param reason why no conversation could be had (the core's code, or {@code core_unreachable})
     * @return true once Twilio took the fallback; false when it could not be asked (no REST API, an error)
     */
    Future<Boolean> takeOver(String callSid, String reason);
}
