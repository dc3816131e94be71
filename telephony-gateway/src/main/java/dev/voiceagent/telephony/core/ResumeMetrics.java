package dev.voiceagent.telephony.core;

import dev.voiceagent.session.ResumeOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Counts how calls whose core connection was lost came out of it: {@code voice_gateway_core_resumes_total{outcome}}. */
@Singleton
public class ResumeMetrics implements ResumeOutcome.Observer {

    private final Map<ResumeOutcome, Counter> counters = new EnumMap<>(ResumeOutcome.class);

    public ResumeMetrics(MeterRegistry registry) {
        for (ResumeOutcome outcome : ResumeOutcome.values()) {
            counters.put(outcome, Counter.builder("voice.gateway.core.resumes")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .description("Calls whose core connection was lost, by outcome: resumed, refused, timed_out, "
                            + "no_token (calls)")
                    .register(registry));
        }
    }

    @Override
    public void outcome(ResumeOutcome outcome) {
        counters.get(outcome).increment();
    }
}
