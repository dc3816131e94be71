package dev.voiceagent.web.health;

import dev.voiceagent.session.CoreReachability;
import dev.voiceagent.web.config.WebConfig;
import dev.voiceagent.web.call.CallServices;
import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while a realtime-core is reachable at {@code web.core.url}: without one, a session would start and fail.
 * Probes from start-up on, and hears of every core socket the gateway opens or fails to open.
 */
@Startup
@Readiness
@ApplicationScoped
public class CoreReachableCheck implements HealthCheck {

    private final CoreReachability reachability;

    public CoreReachableCheck(Vertx vertx, WebConfig config, CoreProbeConfig probe, CallServices services) {
        this.reachability = new CoreReachability(vertx, config.core().url(), probe.coreProbeInterval());
        services.coreConnections().reportTo(reachability);
    }

    @Override
    public HealthCheckResponse call() {
        String problem = reachability.problem();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("realtime-core").status(problem == null);
        if (problem != null) {
            response.withData("problem", problem);
        }
        return response.build();
    }

    @PreDestroy
    void close() {
        reachability.close();
    }
}
