package dev.voiceagent.web.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The web gateway's metrics, each with a HELP text that says what it counts and in which unit. Labels carry kinds and
 * reasons only: never a socket id, an address or a token. Per-chunk counters are resolved once.
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
        Gauge.builder("voice.web.connections.active", connections, AtomicInteger::get)
                .description("Socket.IO connections open on this instance now (connections)").register(registry);
        Gauge.builder("voice.web.sessions.active", sessions, AtomicInteger::get)
                .description("Web conversations running on this instance now (sessions)").register(registry);
        this.chunksIn = chunks("in");
        this.chunksOut = chunks("out");
        this.bargeIns = Counter.builder("voice.web.barge.ins")
                .description("Times a user interrupted the agent's answer (events)").register(registry);
    }

    private Counter chunks(String direction) {
        return Counter.builder("voice.web.audio.chunks").tag("direction", direction)
                .description("Audio chunks, by direction: in from browsers, out to browsers (chunks)")
                .register(registry);
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
        Counter.builder("voice.web.sessions.ended").tag("reason", reason)
                .description("Web conversations ended after they started, by reason (sessions)").register(registry)
                .increment();
    }

    public int activeSessions() {
        return sessions.get();
    }

    /**
     * A visitor handed to a person, by what became of the site's webhook: {@code delivered}, {@code failed} (after
     * its attempts) or {@code no_webhook} (none configured: only the widget was told).
     */
    public void handoff(String outcome) {
        Counter.builder("voice.web.handoffs")
                .description("Hand-overs of a visitor to a person and their webhook deliveries, by outcome (hand-overs)")
                .tags("outcome", outcome).register(registry).increment();
    }

    /** SESSION_START answered with SESSION_START_ERROR, by reason (core_unreachable, busy, timeout, ...). */
    public void sessionRefused(String reason) {
        Counter.builder("voice.web.sessions.refused").tag("reason", reason)
                .description("SESSION_START requests answered with SESSION_START_ERROR, by reason (sessions)")
                .register(registry).increment();
    }

    /** A connection refused: CONNECT_ERROR by kind (origin, auth), or HTTP 429 (address_connections). */
    public void connectRefused(String kind) {
        Counter.builder("voice.web.connects.refused").tag("kind", kind)
                .description("Connections refused before a conversation, by kind: origin, auth, address_connections "
                        + "(connections)")
                .register(registry).increment();
    }

    /**
     * A connection closed by the gateway, by reason: no_connect and no_session (idle), not_reading (the page
     * stopped reading its audio).
     */
    public void connectionClosed(String reason) {
        Counter.builder("voice.web.connections.closed").tag("reason", reason)
                .description("Connections the gateway closed, by reason: no_connect, no_session (idle), not_reading "
                        + "(connections)")
                .register(registry).increment();
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
        Counter.builder("voice.web.bad.input").tag("kind", kind)
                .description("Malformed or hostile input from pages, or from the core, refused, by kind (packets)")
                .register(registry).increment();
    }

    public void coreError(String code) {
        Counter.builder("voice.web.core.errors").tag("code", code)
                .description("Errors the core reported for web conversations, by code (errors)").register(registry)
                .increment();
    }
}
