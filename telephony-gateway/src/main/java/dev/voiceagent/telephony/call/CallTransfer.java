package dev.voiceagent.telephony.call;

import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.telephony.twilio.TwilioInbound;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One call's hand-over to a person. On the core's {@code handoff.human} the caller is no longer heard by the agent
 * and the agent's later audio is dropped; once the caller has heard the agent's last line ({@link AfterPlayout})
 * the call is moved ({@link TransferPort}). Moved: the call ends with
 * {@code transferred}, which keeps the conversation for the caller's return. Not moved: the core hears
 * {@code handoff.result failed} and the conversation goes on. A stream that starts for a caller back from an
 * unanswered transfer (parameter {@value StreamStart#RETURN_PARAMETER}) tells its core why, after {@code ready}.
 * Confined to the stream's event loop, like {@link TwilioCall}.
 */
final class CallTransfer {

    private enum Phase { NONE, AWAITING_PLAYOUT, MOVING, MOVED }

    private final CallServices services;
    private final AfterPlayout afterPlayout;
    private final Runnable moved;
    private final Consumer<SessionMessage.FromGateway> toCore;
    private Phase phase = Phase.NONE;
    private SessionMessage.HandoffHuman handoff;
    private String callSid;
    private String caller;
    private String resumeToken;
    private String returnedFrom;

    /** @param moved ends the call once Twilio runs the new instructions */
    CallTransfer(CallServices services, AfterPlayout afterPlayout, Runnable moved,
            Consumer<SessionMessage.FromGateway> toCore) {
        this.services = services;
        this.afterPlayout = afterPlayout;
        this.moved = moved;
        this.toCore = toCore;
    }

    void started(TwilioInbound.Start start) {
        callSid = start.callSid();
        caller = start.customParameters().get("From");
        returnedFrom = start.customParameters().get(StreamStart.RETURN_PARAMETER);
    }

    /** The core's {@code ready}: its resume token, and for a caller back from a transfer, what to tell it. */
    Optional<SessionMessage.HandoffResult> ready(String token) {
        resumeToken = token;
        String status = returnedFrom;
        returnedFrom = null;
        return Optional.ofNullable(status).map(s -> new SessionMessage.HandoffResult(s, null));
    }

    /** A conversation resumed on another core brings a new token. */
    void resumed(String token) {
        resumeToken = token;
    }

    /** From {@code handoff.human} until the call is moved: the agent no longer hears the caller nor is heard. */
    boolean isUnderway() {
        return phase != Phase.NONE;
    }

    /** The core asks for a person; a second request while one is under way is ignored. */
    void requested(SessionMessage.HandoffHuman request, boolean playing) {
        if (phase != Phase.NONE) {
            return;
        }
        handoff = request;
        phase = Phase.AWAITING_PLAYOUT;
        afterPlayout.then(playing, this::move);
    }

    /** The caller has heard the agent's line: the call is moved now. */
    private void move() {
        if (phase != Phase.AWAITING_PLAYOUT) {
            return;
        }
        phase = Phase.MOVING;
        services.transfers().move(new TransferPort.Transfer(callSid, caller, handoff.reason(), handoff.summary(),
                handoff.target(), resumeToken)).onComplete(result -> {
                    if (result.succeeded()) {
                        phase = Phase.MOVED;
                        moved.run();
                    } else {
                        phase = Phase.NONE;
                        toCore.accept(new SessionMessage.HandoffResult(SessionMessage.HandoffResult.FAILED,
                                result.cause().getMessage()));
                    }
                });
    }

    /**
     * Why the core is told the call ended: once Twilio has been asked to move it, the stream's end (Twilio stops it
     * as it runs the new instructions) is the transfer, and the conversation is kept for the caller's return.
     */
    String endReason(String reason) {
        return phase == Phase.MOVING || phase == Phase.MOVED ? SessionMessage.End.TRANSFERRED : reason;
    }
}
