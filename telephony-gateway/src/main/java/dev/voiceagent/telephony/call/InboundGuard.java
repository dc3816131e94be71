package dev.voiceagent.telephony.call;

import dev.voiceagent.session.AudioBudget;
import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.telephony.twilio.TwilioInbound;

/**
 * What one media stream may send, measured in audio time, never in messages. A {@code media} message costs the
 * audio it carries, at least one 20 ms frame (so tiny payloads cannot buy a message flood); any other message costs
 * one frame, except the echo of a mark this side sent, which is free (after a {@code clear} Twilio echoes every
 * queued mark at once). The {@link AudioBudget} lets the backlog of a network stall through at once; only input
 * sustained well above real time uses it up, and that is a flood. Pure logic on the call's event loop; time comes
 * from the caller.
 */
final class InboundGuard {

    enum Verdict {
        ADMIT, TOO_BIG, FLOOD
    }

    /** Twilio sends 20 ms of mu-law per media message. */
    static final long FRAME_MS = 20;

    private final int maxMessageChars;
    private final AudioBudget budget;
    private long marksSent;
    private long marksEchoed;

    InboundGuard(StreamLimits limits) {
        this.maxMessageChars = limits.maxMessageChars();
        this.budget = new AudioBudget(limits.audioBurst().toMillis(), limits.audioRateFactor());
    }

    /** Checked before parsing: a message too big to read closes the stream with 1009. */
    Verdict size(String text) {
        return text.length() > maxMessageChars ? Verdict.TOO_BIG : Verdict.ADMIT;
    }

    /** @param message the parsed message, or null when it could not be read (it still costs a frame) */
    Verdict admit(TwilioInbound message, long nowNanos) {
        long cost = switch (message) {
            case TwilioInbound.Media media -> Math.max(FRAME_MS, AudioCodec.PCMU.millisOfBase64(media.payload()));
            case TwilioInbound.Mark mark when marksEchoed < marksSent -> {
                marksEchoed++;
                yield 0;
            }
            case null, default -> FRAME_MS;
        };
        return cost == 0 || budget.admit(cost, nowNanos) ? Verdict.ADMIT : Verdict.FLOOD;
    }

    /** A mark went to Twilio; its echo will come back free. */
    void markSent() {
        marksSent++;
    }
}
