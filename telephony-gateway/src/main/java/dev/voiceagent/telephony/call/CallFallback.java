package dev.voiceagent.telephony.call;

import dev.voiceagent.session.SessionMessage;
import org.jboss.logging.Logger;

/**
 * One call's way out when the AI cannot answer it: the core could not be reached, or ended the conversation before
 * it was ever ready (the model refused a session, no capacity). Twilio is then told to run the fallback
 * ({@link FallbackPort}), which stops the stream; until then the stream stays open, since closing it would end the
 * call. When Twilio cannot be asked, the call ends as it would have. Confined to the call's event loop.
 */
final class CallFallback {

    private static final Logger LOG = Logger.getLogger(CallFallback.class);

    private final FallbackPort port;
    private String callSid;
    private boolean answered;
    private boolean underway;

    CallFallback(FallbackPort port) {
        this.port = port;
    }

    void started(String sid) {
        this.callSid = sid;
    }

    /** Once the core has said {@code ready}, an end is the conversation's own. */
    void heard(SessionMessage.FromCore message) {
        answered |= message instanceof SessionMessage.Ready;
    }

    /** Twilio is being asked to take the call over: the stream and the core's close are no longer the call's end. */
    boolean isUnderway() {
        return underway;
    }

    /**
     * Hands the call to Twilio's fallback unless the conversation was answered.
     *
     * @param endCall ends the call as it would have ended, when Twilio cannot be asked
     * @return false when the conversation was answered: the caller must end the call itself
     */
    boolean takeOver(String reason, Runnable endCall) {
        if (answered || underway) {
            return !answered;
        }
        underway = true;
        LOG.infof("call %s: no conversation (%s); handing the call to the fallback", callSid, reason);
        port.takeOver(callSid, reason).onComplete(taken -> {
            if (taken.failed() || !taken.result()) {
                underway = false;
                endCall.run();
            }
        });
        return true;
    }
}
