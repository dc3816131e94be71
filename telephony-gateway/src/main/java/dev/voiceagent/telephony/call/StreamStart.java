package dev.voiceagent.telephony.call;

import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.telephony.twilio.CallAnswerer;
import dev.voiceagent.telephony.twilio.StreamTickets;
import dev.voiceagent.telephony.twilio.TwilioInbound;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Twilio's {@code start}: whether it may become a call, and the conversation it asks the core for. */
public final class StreamStart {

    /** Why a stream is refused: the reason (metric label, log) and the close code Twilio gets. */
    record Refusal(String reason, int closeCode, String closeReason) {
    }

    /** The stream parameter carrying the resume token of a caller's conversation, for a caller back from a transfer. */
    public static final String RESUME_PARAMETER = "resume";
    /** The stream parameter saying how the dial of a caller back from a transfer ended ({@code no-answer}, ...). */
    public static final String RETURN_PARAMETER = "handoff";

    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]{1,64}");

    private StreamStart() {
    }

    /** Refused: an audio format this gateway does not relay (1003), or a stream not bound to this call (1008). */
    static Optional<Refusal> refusal(TwilioInbound.Start start, StreamTickets tickets) {
        if (!SID.matcher(start.streamSid()).matches() || !"audio/x-mulaw".equals(start.encoding())
                || start.sampleRate() != 8000) {
            return Optional.of(new Refusal("bad_start", 1003, "expected audio/x-mulaw at 8000 Hz"));
        }
        StreamTickets.Outcome ticket = tickets.redeem(start.customParameters().get(StreamTickets.PARAMETER),
                start.callSid());
        return ticket == StreamTickets.Outcome.ACCEPTED ? Optional.empty()
                : Optional.of(new Refusal(ticket.label(), 1008, "stream not bound to this call"));
    }

    /**
     * The session protocol's {@code start}: the caller, the call, the pre-warmed session if there is one, an
     * outbound call's agent and context (parameters of our own TwiML, like the others), and the conversation to
     * resume for a caller back from a transfer ({@value #RESUME_PARAMETER}).
     */
    static SessionMessage.Start toCore(TwilioInbound.Start start) {
        Map<String, String> parameters = start.customParameters();
        return new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE, AudioCodec.PCMU,
                parameters.get("From"), start.callSid(), start.streamSid(), parameters.get("session"), null,
                parameters.get(CallAnswerer.AGENT), parameters.get(RESUME_PARAMETER),
                parameters.get(CallAnswerer.CONTEXT));
    }
}
