package dev.voiceagent.telephony.outbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Outbound calls' metrics. Labels carry reasons, fields and Twilio's own status words (unknown words are counted
 * as {@code other}), never a number, a SID or a token.
 */
@Singleton
public class OutboundMetrics {

    private static final Set<String> STATUSES = Set.of("queued", "initiated", "ringing", "in-progress", "completed",
            "busy", "failed", "no-answer", "canceled");
    private static final Set<String> ANSWERED_BY = Set.of("human", "machine_start", "machine_end_beep",
            "machine_end_silence", "machine_end_other", "fax", "unknown");

    private final MeterRegistry registry;

    public OutboundMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A request to {@code /v1/calls} refused for its credential: {@code missing}, {@code unknown}, {@code not_configured}. */
    public void unauthorized(String reason) {
        Counter.builder("voice.gateway.outbound.auth.refused")
                .description("Requests to the outbound calls API refused for their credential, by reason: missing, "
                                + "unknown, not_configured (requests)")
                .tags("reason", reason).register(registry).increment();
    }

    /** A request refused as bad input (400), by the field at fault ({@code body} for the request as a whole). */
    public void badRequest(String field) {
        Counter.builder("voice.gateway.outbound.bad.requests")
                .description("Outbound call requests refused with 400, by the property at fault (requests)")
                .tags("field", field).register(registry).increment();
    }

    /** What came of a request to place a call: {@code placed}, {@code refused} (by Twilio), {@code failed}, {@code unavailable}. */
    public void placement(String outcome) {
        Counter.builder("voice.gateway.outbound.calls")
                .description("Outbound calls asked for, by outcome: placed, refused, failed, unavailable (calls)")
                .tags("outcome", outcome).register(registry).increment();
    }

    /** A status callback: Twilio's {@code CallStatus}. */
    public void status(String status) {
        Counter.builder("voice.gateway.outbound.call.status")
                .description("Twilio's status callbacks about outbound calls, by status (callbacks)")
                .tags("status", known(STATUSES, status)).register(registry).increment();
    }

    /** An answering-machine detection result, and what was done about it. */
    public void answeredBy(String answeredBy, String action) {
        Counter.builder("voice.gateway.outbound.answered.by")
                .description("Answering-machine verdicts on outbound calls and what was done: talk, message_left, "
                                + "hung_up, update_failed (calls)")
                .tags("answered_by", known(ANSWERED_BY, answeredBy), "action", action).register(registry).increment();
    }

    static String known(Set<String> words, String word) {
        return word != null && words.contains(word) ? word : "other";
    }
}
