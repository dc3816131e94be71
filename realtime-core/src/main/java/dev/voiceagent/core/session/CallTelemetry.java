package dev.voiceagent.core.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voiceagent.core.metrics.CoreMetrics;
import dev.voiceagent.core.tracing.CallTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.time.Duration;

/**
 * What one conversation reports about itself: its trace (the conversation span with children for opening, turns,
 * tool calls, hand-offs and a hand-off to a person) and its share of the metrics (frames, turns, time to first audio, tokens, duration).
 * Confined to the conversation's event loop like the conversation; frame counts are added to the shared counters
 * once per second of audio, since a shared counter per frame showed in the load benchmark's profile.
 */
final class CallTelemetry {

    private static final int FRAMES_PER_METRIC_UPDATE = 50;

    private final CoreMetrics metrics;
    private final CallTracing tracing;
    private final Span span;
    private final long openedAtNanos = System.nanoTime();
    private Span openSpan;
    private boolean ready;
    /** From the end of the caller's turn to the end of the answer. */
    private Span turnSpan;
    /** When the caller's last turn ended, until the answer's first audio; 0 otherwise. */
    private long turnEndedNanos;
    private int framesInUncounted;
    private int framesOutUncounted;

    CallTelemetry(CoreMetrics metrics, CallTracing tracing, ConversationSetup setup) {
        this.metrics = metrics;
        this.tracing = tracing;
        this.span = tracing.conversation(setup.traceparent(), setup.channelName(), setup.agent().name());
    }

    Span span() {
        return span;
    }

    void opening(boolean prewarmed) {
        openSpan = tracing.child(span, prewarmed ? "prewarm" : "session.open");
    }

    void ready() {
        ready = true;
        metrics.upstreamReady(Duration.ofNanos(System.nanoTime() - openedAtNanos));
        openSpan.end();
    }

    void frameIn() {
        if (++framesInUncounted == FRAMES_PER_METRIC_UPDATE) {
            flushFrameCounts();
        }
    }

    /** An audio frame went to the caller; the first one after a turn ends that turn's wait. */
    void frameOut() {
        if (++framesOutUncounted == FRAMES_PER_METRIC_UPDATE) {
            flushFrameCounts();
        }
        if (turnEndedNanos != 0) {
            metrics.firstAudio(System.nanoTime() - turnEndedNanos);
            turnEndedNanos = 0;
        }
    }

    /** The caller stopped speaking. */
    void turnEnded() {
        metrics.turn();
        turnEndedNanos = System.nanoTime();
        if (turnSpan != null) {
            turnSpan.end();
        }
        turnSpan = tracing.child(span, "turn");
    }

    /** A {@code response.done}: its token usage, and the end of the turn it answered. */
    void responseDone(JsonNode response) {
        JsonNode input = response.path("usage").path("input_token_details");
        JsonNode output = response.path("usage").path("output_token_details");
        metrics.tokens("input", "text", input.path("text_tokens").asLong());
        metrics.tokens("input", "audio", input.path("audio_tokens").asLong());
        metrics.tokens("output", "text", output.path("text_tokens").asLong());
        metrics.tokens("output", "audio", output.path("audio_tokens").asLong());
        if (turnSpan != null) {
            turnSpan.setAttribute("voice.response_status", response.path("status").asText()).end();
            turnSpan = null;
        }
    }

    void handoff(String from, String to) {
        metrics.handoff(to);
        tracing.child(span, "handoff").setAttribute("voice.from", from).setAttribute("voice.to", to).end();
    }

    /** The span of a hand-off to a person, until the caller went or the gateway reported back; the caller ends it. */
    Span humanHandoff(String target) {
        return tracing.child(span, "handoff.human").setAttribute("voice.handoff_target",
                target == null ? "default" : target);
    }

    /** The span of one tool call; the caller ends it. */
    Span toolCall(String tool, String server) {
        return tracing.child(span, "tool " + tool).setAttribute("voice.mcp_server", server);
    }

    /** @return how long the conversation lasted */
    Duration ended(String reason) {
        flushFrameCounts();
        Duration lasted = Duration.ofNanos(System.nanoTime() - openedAtNanos);
        metrics.conversationDuration(lasted);
        if (openSpan != null && !ready) {
            openSpan.setStatus(StatusCode.ERROR, reason).end();
        }
        if (turnSpan != null) {
            turnSpan.end();
        }
        span.setAttribute("voice.end_reason", reason).end();
        return lasted;
    }

    private void flushFrameCounts() {
        metrics.framesIn(framesInUncounted);
        metrics.framesOut(framesOutUncounted);
        framesInUncounted = 0;
        framesOutUncounted = 0;
    }
}
