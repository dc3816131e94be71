package dev.voiceagent.telephony.health;

import dev.voiceagent.session.CoreReachability;
import dev.voiceagent.telephony.core.CoreLink;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while a realtime-core is reachable: without one, a call would be answered by nobody. */
@Readiness
@ApplicationScoped
public class CoreReachableCheck implements HealthCheck {

    private final CoreLink core;

    public CoreReachableCheck(CoreLink core) {
        this.core = core;
    }

    @Override
    public HealthCheckResponse call() {
        CoreReachability reachability = core.reachability();
        String problem = reachability.problem();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("realtime-core").status(problem == null);
        if (problem != null) {
            response.withData("problem", problem);
        }
        return response.build();
    }
}
