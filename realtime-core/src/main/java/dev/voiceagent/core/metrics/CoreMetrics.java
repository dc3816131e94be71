package dev.voiceagent.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The core's metrics. Labels carry reasons, types and channels only: never a phone number, id or secret.
 * Per-frame counters are resolved once, so the audio path does no tag lookups.
 */
// @Singleton, not @ApplicationScoped: called for every audio frame, so no client proxy in between.
@Singleton
public class CoreMetrics {

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
        this.framesIn = Counter.builder("voice.core.audio.frames").tag("direction", "in")
                .description("Audio frames from gateways to the model").register(registry);
        this.framesOut = Counter.builder("voice.core.audio.frames").tag("direction", "out")
                .description("Audio frames from the model to gateways").register(registry);
        this.bargeIns = Counter.builder("voice.core.barge.ins")
                .description("Times a caller spoke over the assistant").register(registry);
        this.upstreamReady = Timer.builder("voice.core.upstream.ready")
                .description("Time from opening the upstream socket to a configured session")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.toolLatency = Timer.builder("voice.core.tool.latency").description("Time an MCP tool took to answer")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.firstAudio = Timer.builder("voice.core.turn.first.audio")
                .description("From the end of the caller's turn (speech stopped) to the answer's first audio")
                .publishPercentileHistogram().register(registry);
        this.duration = Timer.builder("voice.core.conversation.duration").description("How long conversations last")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofHours(2)).register(registry);
        this.turns = Counter.builder("voice.core.turns").description("Caller turns (speech stopped)").register(registry);
    }

    public void turn() {
        turns.increment();
    }

    public void firstAudio(long nanos) {
        firstAudio.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
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
            registry.counter("voice.core.tokens", "direction", direction, "modality", modality).increment(count);
        }
    }

    /**
     * Held strongly: {@code registry.gauge(...)} keeps its object weakly, so a method reference passed in would be
     * collected at the next GC and the gauge (which the HPA scales on) would read NaN.
     */
    public void activeSessions(Supplier<Number> count) {
        Gauge.builder("voice.core.sessions.active", count, s -> s.get().doubleValue())
                .description("Conversations running on this instance").strongReference(true).register(registry);
    }

    /** 1 while the MCP server answers, 0 from its first failed call or connection until it is back. */
    public void mcpServerUp(String server, BooleanSupplier up) {
        Gauge.builder("voice.core.mcp.server.up", up, u -> u.getAsBoolean() ? 1 : 0).tag("server", server)
                .description("Whether an MCP server is reachable").strongReference(true).register(registry);
    }

    /** A request without a valid gateway credential; {@code reason} is the verdict, never the token. */
    public void accessRefused(String endpoint, String reason) {
        registry.counter("voice.core.access.refused", "endpoint", endpoint, "reason", reason).increment();
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
        registry.counter("voice.core.sessions.started", "channel", channel, "prewarmed", Boolean.toString(prewarmed))
                .increment();
    }

    public void sessionEnded(String reason) {
        registry.counter("voice.core.sessions.ended", "reason", reason).increment();
    }

    public void sessionRefused(String reason) {
        registry.counter("voice.core.sessions.refused", "reason", reason).increment();
    }

    /** {@code type} is the error type the API reports (e.g. invalid_request_error), or how the socket failed. */
    public void upstreamError(String type) {
        registry.counter("voice.core.upstream.errors", "type", type).increment();
    }

    public void badInput(String kind) {
        registry.counter("voice.core.bad.input", "kind", kind).increment();
    }

    /** Tool calls by tool name (from the agent definitions, a bounded set) and outcome. */
    public void toolCall(String tool, String outcome) {
        registry.counter("voice.core.tool.calls", "tool", tool, "outcome", outcome).increment();
    }

    public void toolLatency(long nanos) {
        toolLatency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void handoff(String to) {
        registry.counter("voice.core.handoffs", "to", to).increment();
    }

    /**
     * A hand-off to a person: {@code requested} (the model asked, its arguments fit), {@code bad_arguments},
     * {@code sent} (the gateway was asked to move the caller), {@code transferred} (the gateway did), or what the
     * gateway reported back: {@code failed}, {@code no-answer}, {@code busy} ({@code other} for anything else).
     */
    public void humanHandoff(String outcome) {
        registry.counter("voice.core.human.handoffs", "outcome", outcome).increment();
    }

    public void prewarm(String outcome) {
        registry.counter("voice.core.prewarm", "outcome", outcome).increment();
    }
}
