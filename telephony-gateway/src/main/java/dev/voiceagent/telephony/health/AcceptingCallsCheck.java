package dev.voiceagent.telephony.health;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the gateway takes new calls; it stops as soon as the instance begins to shut down. */
@Readiness
@ApplicationScoped
public class AcceptingCallsCheck implements HealthCheck {

    private volatile boolean shuttingDown;

    void onShutdown(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accepting-calls").status(!shuttingDown).build();
    }
}
