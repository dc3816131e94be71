package dev.voiceagent.telephony.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The telephony gateway's metrics. Labels carry kinds and reasons only: never a phone number, a call SID or a
 * secret. Per-frame counters are resolved once.
 */
// @Singleton, not @ApplicationScoped: called for every audio frame, so no client proxy in between.
@Singleton
public class GatewayMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger activeCalls = new AtomicInteger();
    private final Counter framesIn;
    private final Counter framesOut;
    private final Counter bargeIns;
    private final Timer firstAudio;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("voice.gateway.calls.active", activeCalls);
        this.framesIn = Counter.builder("voice.gateway.frames").tag("direction", "in")
                .description("Media frames from callers").register(registry);
        this.framesOut = Counter.builder("voice.gateway.frames").tag("direction", "out")
                .description("Media frames to callers").register(registry);
        this.bargeIns = Counter.builder("voice.gateway.barge.ins")
                .description("Times a caller interrupted playing audio").register(registry);
        this.firstAudio = Timer.builder("voice.gateway.first.audio")
                .description("From the voice webhook (or the stream start) to the first audio sent to the caller")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    public void callStarted() {
        activeCalls.incrementAndGet();
    }

    public void callEnded(String reason) {
        activeCalls.decrementAndGet();
        registry.counter("voice.gateway.calls.ended", "reason", reason).increment();
    }

    /** A voice webhook answered with a refusal (e.g. {@code draining}). */
    public void callRefused(String reason) {
        registry.counter("voice.gateway.calls.refused", "reason", reason).increment();
    }

    /** A call answered while no core was reachable: {@code apology} (and hang-up) or {@code dial} (fallback number). */
    public void callWithoutCore(String answer) {
        registry.counter("voice.gateway.calls.without.core", "answer", answer).increment();
    }

    public int activeCalls() {
        return activeCalls.get();
    }

    /** Frames are counted per call and added here in batches: a shared counter per frame showed in the profile. */
    public void framesIn(int count) {
        framesIn.increment(count);
    }

    public void framesOut(int count) {
        framesOut.increment(count);
    }

    public void bargeIn() {
        bargeIns.increment();
    }

    public void firstAudio(Duration sinceCallStart) {
        firstAudio.record(sinceCallStart);
    }

    /** Malformed or hostile input, by kind (malformed_json, unknown_event, bad_base64, oversized, flood, ...). */
    public void badInput(String kind) {
        registry.counter("voice.gateway.bad.input", "kind", kind).increment();
    }

    /**
     * A media stream closed before it became a call: {@code idle} (no {@code start} in time), {@code bad_start},
     * or a stream ticket refused ({@code ticket_missing}, {@code ticket_invalid}, {@code ticket_expired},
     * {@code ticket_wrong_call}, {@code ticket_used}: a replay).
     */
    public void streamRefused(String reason) {
        registry.counter("voice.gateway.streams.refused", "reason", reason).increment();
    }

    public void signatureFailure(String endpoint) {
        registry.counter("voice.gateway.signature.failures", "endpoint", endpoint).increment();
    }

    /** Outcome of asking the core to pre-warm: issued, refused, failed, disabled. */
    public void prewarm(String outcome) {
        registry.counter("voice.gateway.prewarm", "outcome", outcome).increment();
    }

    /**
     * A transfer to a person, by outcome: {@code dialing} (Twilio took the new TwiML), {@code rest_failed},
     * {@code dry_run} (no REST credentials: only logged), {@code no_target}; then how the dial ended:
     * {@code completed}, {@code no_answer}, {@code busy}, {@code failed}, {@code canceled}.
     */
    public void transfer(String outcome) {
        registry.counter("voice.gateway.transfers", "outcome", outcome).increment();
    }

    public void coreError(String code) {
        registry.counter("voice.gateway.core.errors", "code", code).increment();
    }
}
