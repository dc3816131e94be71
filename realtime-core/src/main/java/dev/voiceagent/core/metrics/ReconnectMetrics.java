package dev.voiceagent.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * How conversations outlive faults: upstream sessions replaced (by reason and outcome), caller audio that did not
 * fit while a session was replaced, what the core refused of what the model sent, checkpoints not written, and
 * conversations resumed. Labels carry reasons only.
 */
@Singleton
public class ReconnectMetrics {

    private final MeterRegistry registry;
    private final Counter heldAudioDropped;

    public ReconnectMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.heldAudioDropped = Counter.builder("voice.core.reconnect.audio.dropped")
                .baseUnit("bytes")
                .description("Caller audio dropped while a model session was replaced: what did not fit the buffer "
                        + "(bytes of base64 text)")
                .register(registry);
    }

    /**
     * @param reason why the session was replaced: reset, server_error, closed, session_age
     * @param outcome resumed (a new session took over) or failed (the caller heard the apology)
     */
    public void reconnect(String reason, String outcome) {
        Counter.builder("voice.core.upstream.reconnects").tag("reason", reason).tag("outcome", outcome)
                .description("Model sessions replaced during a conversation, by reason (reset, server_error, closed, "
                        + "session_age) and outcome (resumed, failed) (sessions)")
                .register(registry).increment();
    }

    public void heldAudioDropped(long bytes) {
        heldAudioDropped.increment(bytes);
    }

    /** @param kind what the core refused or cut: invalid_audio, truncated_text */
    public void upstreamRefused(String kind) {
        Counter.builder("voice.core.upstream.refused").tag("kind", kind)
                .description("What the model sent that the core refused or cut to its limits, by kind: invalid_audio, "
                        + "truncated_text (events)")
                .register(registry).increment();
    }

    /** A conversation's checkpoint could not be written (the store is down). */
    public void checkpointFailed() {
        Counter.builder("voice.core.checkpoint.failures")
                .description("Conversation checkpoints not written: the store failed (checkpoints)")
                .register(registry).increment();
    }

    /**
     * @param outcome resumed; fresh (genuine token, checkpoint missing or unreadable: begun anew, the caller kept);
     *        failed (bad or expired token, or the conversation still runs here)
     */
    public void resume(String outcome) {
        Counter.builder("voice.core.resumes").tag("outcome", outcome)
                .description("Conversations a gateway asked to resume from a checkpoint after it reconnected, by "
                        + "outcome: resumed, fresh (the checkpoint was lost: begun anew), failed (conversations)")
                .register(registry).increment();
    }
}
