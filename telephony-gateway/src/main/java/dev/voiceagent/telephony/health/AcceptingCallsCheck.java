package dev.voiceagent.telephony.health;

import dev.voiceagent.telephony.drain.ShutdownDrain;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the gateway takes new calls; it stops as soon as the instance begins to drain. */
@Readiness
@ApplicationScoped
public class AcceptingCallsCheck implements HealthCheck {

    private final ShutdownDrain drain;

    public AcceptingCallsCheck(ShutdownDrain drain) {
        this.drain = drain;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accepting-calls").status(!drain.isDraining()).build();
    }
}
