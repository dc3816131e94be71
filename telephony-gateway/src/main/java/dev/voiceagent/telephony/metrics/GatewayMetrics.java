package dev.voiceagent.telephony.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The telephony gateway's metrics, each with a HELP text that says what it counts and in which unit. Labels carry
 * kinds and reasons only: never a phone number, a call SID or a secret. Per-frame counters are resolved once.
 * <p>
 * The latency is a histogram with a few fixed buckets (service level objectives), never client-side percentiles:
 * bucket counts add up across pods, percentiles do not.
 */
// @Singleton, not @ApplicationScoped: called for every audio frame, so no client proxy in between.
@Singleton
public class GatewayMetrics {

    /**
     * What the caller hears after picking up: within 1 s the greeting feels immediate, from 3 s callers say "hello?",
     * past 10 s many hang up (the pre-warmed session waits 15 s at most).
     */
    private static final Duration[] FIRST_AUDIO = Arrays.stream(new long[] {250, 500, 1000, 1500, 2000, 3000, 5000,
            10000}).mapToObj(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final AtomicInteger activeCalls = new AtomicInteger();
    private final Counter framesIn;
    private final Counter framesOut;
    private final Counter bargeIns;
    private final Timer firstAudio;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("voice.gateway.calls.active", activeCalls, AtomicInteger::get)
                .description("Phone calls with a media stream open on this instance now (calls)").register(registry);
        this.framesIn = frames("in");
        this.framesOut = frames("out");
        this.bargeIns = Counter.builder("voice.gateway.barge.ins")
                .description("Times a caller interrupted the assistant's audio while it played (events)")
                .register(registry);
        this.firstAudio = Timer.builder("voice.gateway.first.audio")
                .description("Seconds from the voice webhook (or the stream's start) to the first audio sent to the "
                        + "caller")
                .serviceLevelObjectives(FIRST_AUDIO).register(registry);
    }

    private Counter frames(String direction) {
        return Counter.builder("voice.gateway.frames").tag("direction", direction)
                .description("Twilio media frames, by direction: in from callers, out to callers (frames)")
                .register(registry);
    }

    public void callStarted() {
        activeCalls.incrementAndGet();
    }

    public void callEnded(String reason) {
        activeCalls.decrementAndGet();
        Counter.builder("voice.gateway.calls.ended").tag("reason", reason)
                .description("Phone calls ended, by reason (calls)").register(registry).increment();
    }

    /** A voice webhook answered with a refusal (e.g. {@code draining}). */
    public void callRefused(String reason) {
        Counter.builder("voice.gateway.calls.refused").tag("reason", reason)
                .description("Voice webhooks answered with a refusal, by reason: draining (calls)").register(registry)
                .increment();
    }

    /** A call answered while no core was reachable: {@code apology} (and hang-up) or {@code dial} (fallback number). */
    public void callWithoutCore(String answer) {
        Counter.builder("voice.gateway.calls.without.core").tag("answer", answer)
                .description("Calls answered while no core was reachable, by answer: apology (then hang-up) or dial "
                        + "(the fallback number) (calls)")
                .register(registry).increment();
    }

    /**
     * A call the AI could not answer once its stream had begun, handed back to Twilio: {@code reason}
     * ({@code core_unreachable}, {@code model_refused}, {@code core_refused}) and what Twilio was told
     * ({@code apology}, {@code dial}; {@code failed} or {@code unavailable} when it could not be told).
     */
    public void fallback(String reason, String answer) {
        Counter.builder("voice.gateway.fallbacks")
                .description("Calls handed back to Twilio with the fallback TwiML because their stream got no "
                                + "conversation, by reason and answer (calls)")
                .tags("reason", reason, "answer", answer).register(registry).increment();
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
        Counter.builder("voice.gateway.bad.input").tag("kind", kind)
                .description("Malformed or hostile input on media streams, or from the core, refused, by kind "
                        + "(messages)")
                .register(registry).increment();
    }

    /**
     * A media stream closed before it became a call: {@code idle} (no {@code start} in time), {@code bad_start},
     * or a stream ticket refused ({@code ticket_missing}, {@code ticket_invalid}, {@code ticket_expired},
     * {@code ticket_wrong_call}, {@code ticket_used}: a replay).
     */
    public void streamRefused(String reason) {
        Counter.builder("voice.gateway.streams.refused").tag("reason", reason)
                .description("Media streams closed before they became a call, by reason: idle, bad_start, or a "
                        + "refused stream ticket (streams)")
                .register(registry).increment();
    }

    public void signatureFailure(String endpoint) {
        Counter.builder("voice.gateway.signature.failures").tag("endpoint", endpoint)
                .description("Requests refused for a missing or wrong Twilio signature, by endpoint (requests)")
                .register(registry).increment();
    }

    /** Outcome of asking the core to pre-warm: issued, refused, failed, disabled. */
    public void prewarm(String outcome) {
        Counter.builder("voice.gateway.prewarm").tag("outcome", outcome)
                .description("Pre-warm requests to the core, by outcome: issued, refused, failed, disabled, "
                        + "unauthorized (requests)")
                .register(registry).increment();
    }

    /**
     * A transfer to a person, by outcome: {@code dialing} (Twilio took the new TwiML), {@code rest_failed},
     * {@code dry_run} (no REST credentials: only logged), {@code no_target}; then how the dial ended:
     * {@code completed}, {@code no_answer}, {@code busy}, {@code failed}, {@code canceled}.
     */
    public void transfer(String outcome) {
        Counter.builder("voice.gateway.transfers")
                .description("Transfers of a caller to a person, by outcome: dialing, rest_failed, dry_run, no_target, "
                                + "whispered, completed, canceled, no_answer, busy, failed (transfers)")
                .tags("outcome", outcome).register(registry).increment();
    }

    public void coreError(String code) {
        Counter.builder("voice.gateway.core.errors").tag("code", code)
                .description("Errors the core reported for calls, by code (errors)").register(registry).increment();
    }
}
