package dev.voiceagent.telephony.drain;

import dev.voiceagent.session.Drain;
import dev.voiceagent.session.DrainConfig;
import dev.voiceagent.telephony.metrics.GatewayMetrics;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * On SIGTERM: readiness fails and the voice webhook refuses new calls (Twilio then uses the number's fallback), while
 * media streams of calls already answered still connect and every call runs on for the grace period; the calls
 * still on after it are asked to say goodbye ({@link GoodbyeRequested}: the core speaks it) and end. Runs before the
 * HTTP server stops.
 */
@ApplicationScoped
public class ShutdownDrain {

    /** Fired once, when the grace period is over: every call still on should say goodbye and end. */
    public record GoodbyeRequested() {
    }

    private final GatewayMetrics metrics;
    private final DrainConfig config;
    private final Event<GoodbyeRequested> goodbye;
    private volatile boolean draining;

    public ShutdownDrain(GatewayMetrics metrics, DrainConfig config, Event<GoodbyeRequested> goodbye) {
        this.metrics = metrics;
        this.config = config;
        this.goodbye = goodbye;
    }

    public boolean isDraining() {
        return draining;
    }

    void drain(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownDelayInitiatedEvent shutdown) {
        draining = true;
        Drain.run("calls", metrics::activeCalls, config.gracePeriod(), () -> goodbye.fire(new GoodbyeRequested()),
                config.goodbyeTimeout());
    }
}
