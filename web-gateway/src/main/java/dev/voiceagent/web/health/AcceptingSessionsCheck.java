package dev.voiceagent.web.health;

import dev.voiceagent.web.call.ShutdownDrain;
import dev.voiceagent.web.metrics.WebMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the gateway takes new web sessions (not while it drains); reports how many run. */
@Readiness
@ApplicationScoped
public class AcceptingSessionsCheck implements HealthCheck {

    private final WebMetrics metrics;
    private final ShutdownDrain drain;

    public AcceptingSessionsCheck(WebMetrics metrics, ShutdownDrain drain) {
        this.metrics = metrics;
        this.drain = drain;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("web-sessions").status(!drain.isDraining()).withData("active", metrics.activeSessions()).build();
    }
}
