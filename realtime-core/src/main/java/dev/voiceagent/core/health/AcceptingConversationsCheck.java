package dev.voiceagent.core.health;

import dev.voiceagent.core.session.ConversationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while this instance can take another conversation, so a load balancer stops sending it new calls. */
@Readiness
@ApplicationScoped
public class AcceptingConversationsCheck implements HealthCheck {

    private final ConversationRegistry registry;

    public AcceptingConversationsCheck(ConversationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accepting-conversations")
                .status(registry.isAccepting() && registry.hasCapacity())
                .withData("draining", !registry.isAccepting())
                .withData("active", registry.active())
                .build();
    }
}
