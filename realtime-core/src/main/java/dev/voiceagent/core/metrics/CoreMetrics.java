package dev.voiceagent.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The core's metrics, each with a HELP text that says what it counts and in which unit. Labels carry reasons, types
 * and channels only: never a phone number, id or secret. Per-frame counters are resolved once, so the audio path does
 * no tag lookups.
 * <p>
 * Latencies are histograms with a few fixed buckets (service level objectives), never client-side percentiles: a
 * pod's percentile cannot be combined with another's, while bucket counts add up, so the dashboard's
 * {@code histogram_quantile(q, sum by (le) (rate(..._bucket[5m])))} is right across pods. Each bucket is one series;
 * they sit where a caller would notice the difference (the README's metrics table says why each one).
 */
// @Singleton, not @ApplicationScoped: called for every audio frame, so no client proxy in between.
@Singleton
public class CoreMetrics {

    /** Ready within 1 s keeps the greeting on time; 5 s is openai.connect-timeout. */
    private static final Duration[] UPSTREAM_READY = millis(50, 100, 250, 500, 1000, 2000, 5000);
    /** 1.5 s: the agent says a holding line (voice.tools.holding-delay); 10 s: the tool fails (voice.tools.timeout). */
    private static final Duration[] TOOL_LATENCY = millis(50, 100, 250, 500, 1000, 1500, 2500, 5000, 10000);
    /** Under 1 s an answer feels natural; from 2 s callers ask "hello?". */
    private static final Duration[] FIRST_AUDIO = millis(250, 500, 750, 1000, 1500, 2000, 3000, 5000);
    /** From hang-ups at the greeting to an hour; longer conversations count in +Inf only. */
    private static final Duration[] CONVERSATION = millis(10_000, 30_000, 60_000, 120_000, 300_000, 600_000,
            1_200_000, 1_800_000, 3_600_000);

    private final MeterRegistry registry;
    private final Counter framesIn;
    private final Counter framesOut;
    private final Counter bargeIns;
    private final Timer upstreamReady;
    private final Timer toolLatency;
    private final Timer firstAudio;
    private final Timer duration;
    private final Counter turns;

    public CoreMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.framesIn = frames("in");
        this.framesOut = frames("out");
        this.bargeIns = Counter.builder("voice.core.barge.ins")
                .description("Times a caller spoke over the assistant's answer (events)").register(registry);
        this.upstreamReady = Timer.builder("voice.core.upstream.ready")
                .description("Seconds from opening a model session to its configuration being accepted "
                        + "(session.updated)")
                .serviceLevelObjectives(UPSTREAM_READY).register(registry);
        this.toolLatency = Timer.builder("voice.core.tool.latency")
                .description("Seconds an MCP tool call took, from the model's call to the tool's answer or failure")
                .serviceLevelObjectives(TOOL_LATENCY).register(registry);
        this.firstAudio = Timer.builder("voice.core.turn.first.audio")
                .description("Seconds from the end of the caller's turn (speech stopped) to the answer's first audio")
                .serviceLevelObjectives(FIRST_AUDIO).register(registry);
        this.duration = Timer.builder("voice.core.conversation.duration")
                .description("Seconds a conversation lasted, from its start to its end")
                .serviceLevelObjectives(CONVERSATION).register(registry);
        this.turns = Counter.builder("voice.core.turns")
                .description("Caller turns: times the model heard the caller stop speaking (turns)").register(registry);
    }

    private Counter frames(String direction) {
        return Counter.builder("voice.core.audio.frames").tag("direction", direction)
                .description("Audio frames relayed, by direction: in from gateways to the model, out from the model "
                        + "to gateways (frames)")
                .register(registry);
    }

    private static Duration[] millis(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofMillis).toArray(Duration[]::new);
    }

    public void turn() {
        turns.increment();
    }

    public void firstAudio(long nanos) {
        firstAudio.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void conversationDuration(Duration elapsed) {
        duration.record(elapsed);
    }

    /**
     * Tokens the model billed, from {@code response.done}'s usage, so cost per call can be computed:
     * {@code direction} input or output, {@code modality} text or audio (cached input is part of input).
     */
    public void tokens(String direction, String modality, long count) {
        if (count > 0) {
            Counter.builder("voice.core.tokens").tag("direction", direction).tag("modality", modality)
                    .description("Tokens the model billed (response.done usage), by direction (input, output) and "
                            + "modality (text, audio) (tokens)")
                    .register(registry).increment(count);
        }
    }

    /**
     * Held strongly: {@code registry.gauge(...)} keeps its object weakly, so a method reference passed in would be
     * collected at the next GC and the gauge (which the HPA scales on) would read NaN.
     */
    public void activeSessions(Supplier<Number> count) {
        Gauge.builder("voice.core.sessions.active", count, s -> s.get().doubleValue())
                .description("Conversations running on this instance now (conversations)").strongReference(true)
                .register(registry);
    }

    /** 1 while the MCP server answers, 0 from its first failed call or connection until it is back. */
    public void mcpServerUp(String server, BooleanSupplier up) {
        Gauge.builder("voice.core.mcp.server.up", up, u -> u.getAsBoolean() ? 1 : 0).tag("server", server)
                .description("Whether an MCP server answers, by configured server: 1 reachable, 0 not since its last "
                        + "failed call or connection")
                .strongReference(true).register(registry);
    }

    /** A request without a valid gateway credential; {@code reason} is the verdict, never the token. */
    public void accessRefused(String endpoint, String reason) {
        Counter.builder("voice.core.access.refused").tag("endpoint", endpoint).tag("reason", reason)
                .description("Requests refused for a missing or invalid gateway credential, by endpoint and verdict "
                        + "(requests)")
                .register(registry).increment();
    }

    /** Frames are counted per conversation and added here in batches: a shared counter per frame costs. */
    public void framesIn(int count) {
        framesIn.increment(count);
    }

    public void framesOut(int count) {
        framesOut.increment(count);
    }

    public void bargeIn() {
        bargeIns.increment();
    }

    public void upstreamReady(Duration elapsed) {
        upstreamReady.record(elapsed);
    }

    public void sessionStarted(String channel, boolean prewarmed) {
        Counter.builder("voice.core.sessions.started").tag("channel", channel)
                .tag("prewarmed", Boolean.toString(prewarmed))
                .description("Conversations started, by channel (phone, web) and whether a pre-warmed model session "
                        + "was claimed (conversations)")
                .register(registry).increment();
    }

    public void sessionEnded(String reason) {
        Counter.builder("voice.core.sessions.ended").tag("reason", reason)
                .description("Conversations ended, by reason (conversations)").register(registry).increment();
    }

    public void sessionRefused(String reason) {
        Counter.builder("voice.core.sessions.refused").tag("reason", reason)
                .description("Conversations refused at their start, by reason: capacity, draining, unknown_agent, "
                        + "resume_failed (conversations)")
                .register(registry).increment();
    }

    /** {@code type} is the error type the API reports (e.g. invalid_request_error), or how the socket failed. */
    public void upstreamError(String type) {
        Counter.builder("voice.core.upstream.errors").tag("type", type)
                .description("Errors of the model's session, by type: the API's error type, or connect_failed, "
                        + "closed, malformed_event (errors)")
                .register(registry).increment();
    }

    public void badInput(String kind) {
        Counter.builder("voice.core.bad.input").tag("kind", kind)
                .description("Malformed or out-of-limit input from gateways, refused, by kind (records)")
                .register(registry).increment();
    }

    /** Tool calls by tool name (from the agent definitions, a bounded set) and outcome. */
    public void toolCall(String tool, String outcome) {
        Counter.builder("voice.core.tool.calls").tag("tool", tool).tag("outcome", outcome)
                .description("Tool calls, by tool (as the agent definitions name it) and outcome: ok, error, "
                        + "bad_arguments (calls)")
                .register(registry).increment();
    }

    public void toolLatency(long nanos) {
        toolLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void handoff(String to) {
        Counter.builder("voice.core.handoffs").tag("to", to)
                .description("Hand-offs between agents, by the agent taking over (hand-offs)").register(registry)
                .increment();
    }

    /**
     * A hand-off to a person: {@code requested} (the model asked, its arguments fit), {@code bad_arguments},
     * {@code sent} (the gateway was asked to move the caller), {@code transferred} (the gateway did), or what the
     * gateway reported back: {@code failed}, {@code no-answer}, {@code busy} ({@code other} for anything else).
     */
    public void humanHandoff(String outcome) {
        Counter.builder("voice.core.human.handoffs")
                .description("Hand-overs of a caller to a person, by outcome: requested, bad_arguments, sent, "
                                + "transferred, failed, no-answer, busy, other (hand-overs)")
                .tags("outcome", outcome).register(registry).increment();
    }

    public void prewarm(String outcome) {
        Counter.builder("voice.core.prewarm").tag("outcome", outcome)
                .description("Pre-warmed model sessions, by outcome: opened, claimed by a call, expired unclaimed "
                        + "(sessions)")
                .register(registry).increment();
    }
}
