package dev.voiceagent.telephony.outbound;

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
        registry.counter("voice.gateway.outbound.auth.refused", "reason", reason).increment();
    }

    /** A request refused as bad input (400), by the field at fault ({@code body} for the request as a whole). */
    public void badRequest(String field) {
        registry.counter("voice.gateway.outbound.bad.requests", "field", field).increment();
    }

    /** What came of a request to place a call: {@code placed}, {@code refused} (by Twilio), {@code failed}, {@code unavailable}. */
    public void placement(String outcome) {
        registry.counter("voice.gateway.outbound.calls", "outcome", outcome).increment();
    }

    /** A status callback: Twilio's {@code CallStatus}. */
    public void status(String status) {
        registry.counter("voice.gateway.outbound.call.status", "status", known(STATUSES, status)).increment();
    }

    /** An answering-machine detection result, and what was done about it. */
    public void answeredBy(String answeredBy, String action) {
        registry.counter("voice.gateway.outbound.answered.by", "answered_by", known(ANSWERED_BY, answeredBy),
                "action", action).increment();
    }

    static String known(Set<String> words, String word) {
        return word != null && words.contains(word) ? word : "other";
    }
}
