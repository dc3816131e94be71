package dev.voiceagent.web.health;

import dev.voiceagent.web.metrics.WebMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the gateway takes new web sessions; reports how many run. */
@Readiness
@ApplicationScoped
public class AcceptingSessionsCheck implements HealthCheck {

    private final WebMetrics metrics;

    public AcceptingSessionsCheck(WebMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("web-sessions").up().withData("active", metrics.activeSessions()).build();
    }
}
