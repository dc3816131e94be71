package dev.voiceagent.web.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The web gateway's metrics. Labels carry kinds and reasons only: never a socket id, an address or a token.
 * Per-chunk counters are resolved once.
 */
// @Singleton, not @ApplicationScoped: called for every audio chunk, so no client proxy in between.
@Singleton
public class WebMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();
    private final Counter chunksIn;
    private final Counter chunksOut;
    private final Counter bargeIns;

    public WebMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("voice.web.connections.active", connections);
        registry.gauge("voice.web.sessions.active", sessions);
        this.chunksIn = Counter.builder("voice.web.audio.chunks").tag("direction", "in")
                .description("Audio chunks from browsers").register(registry);
        this.chunksOut = Counter.builder("voice.web.audio.chunks").tag("direction", "out")
                .description("Audio chunks to browsers").register(registry);
        this.bargeIns = Counter.builder("voice.web.barge.ins")
                .description("Times a user interrupted the agent").register(registry);
    }

    public void connected() {
        connections.incrementAndGet();
    }

    public void disconnected() {
        connections.decrementAndGet();
    }

    public void sessionStarted() {
        sessions.incrementAndGet();
    }

    public void sessionEnded(String reason) {
        sessions.decrementAndGet();
        registry.counter("voice.web.sessions.ended", "reason", reason).increment();
    }

    public int activeSessions() {
        return sessions.get();
    }

    /**
     * A visitor handed to a person, by what became of the site's webhook: {@code delivered}, {@code failed} (after
     * its attempts) or {@code no_webhook} (none configured: only the widget was told).
     */
    public void handoff(String outcome) {
        registry.counter("voice.web.handoffs", "outcome", outcome).increment();
    }

    /** SESSION_START answered with SESSION_START_ERROR, by reason (core_unreachable, busy, timeout, ...). */
    public void sessionRefused(String reason) {
        registry.counter("voice.web.sessions.refused", "reason", reason).increment();
    }

    /** A connection refused: CONNECT_ERROR by kind (origin, auth), or HTTP 429 (address_connections). */
    public void connectRefused(String kind) {
        registry.counter("voice.web.connects.refused", "kind", kind).increment();
    }

    /**
     * A connection closed by the gateway, by reason: no_connect and no_session (idle), not_reading (the page
     * stopped reading its audio).
     */
    public void connectionClosed(String reason) {
        Counter.builder("voice.web.connections.closed").tag("reason", reason)
                .description("Connections the gateway closed: idle, or not reading").register(registry).increment();
    }

    public void chunkIn() {
        chunksIn.increment();
    }

    public void chunkOut() {
        chunksOut.increment();
    }

    public void bargeIn() {
        bargeIns.increment();
    }

    /** Malformed or hostile input, by kind (oversized, flood, too_many_attachments, unknown_event, ...). */
    public void badInput(String kind) {
        registry.counter("voice.web.bad.input", "kind", kind).increment();
    }

    public void coreError(String code) {
        registry.counter("voice.web.core.errors", "code", code).increment();
    }
}
