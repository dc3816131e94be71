package dev.voiceagent.telephony.call;

import dev.voiceagent.session.Drain;
import dev.voiceagent.session.DrainConfig;
import dev.voiceagent.telephony.metrics.GatewayMetrics;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.websockets.next.OpenConnections;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * On SIGTERM: readiness fails and the voice webhook refuses new calls (Twilio then uses the number's fallback), while
 * media streams of calls already answered still connect and every call runs on for the grace period; the calls
 * still on after it get a goodbye from the core and end. Runs before the HTTP server stops.
 */
@ApplicationScoped
public class ShutdownDrain {

    private final OpenConnections connections;
    private final GatewayMetrics metrics;
    private final DrainConfig config;
    private volatile boolean draining;

    public ShutdownDrain(OpenConnections connections, GatewayMetrics metrics, DrainConfig config) {
        this.connections = connections;
        this.metrics = metrics;
        this.config = config;
    }

    public boolean isDraining() {
        return draining;
    }

    void drain(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownDelayInitiatedEvent shutdown) {
        draining = true;
        Drain.run("calls", metrics::activeCalls, config.gracePeriod(),
                () -> connections.forEach(connection -> MediaStreamEndpoint.streamOf(connection)
                        .ifPresent(MediaStreamEndpoint.OpenStream::drain)),
                config.goodbyeTimeout());
    }
}
