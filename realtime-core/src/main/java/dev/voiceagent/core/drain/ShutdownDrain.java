package dev.voiceagent.core.drain;

import dev.voiceagent.session.DrainConfig;
import dev.voiceagent.core.session.ConversationRegistry;
import dev.voiceagent.session.Drain;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * On SIGTERM: turn not-ready and refuse new conversations, let the active ones run to their end for the grace
 * period, then say goodbye on the rest and end them. Runs before anything else stops (MCP clients, the HTTP
 * server), on the shutdown thread, so waiting here blocks no event loop.
 */
@ApplicationScoped
public class ShutdownDrain {

    private final ConversationRegistry registry;
    private final DrainConfig config;

    public ShutdownDrain(ConversationRegistry registry, DrainConfig config) {
        this.registry = registry;
        this.config = config;
    }

    void drain(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownDelayInitiatedEvent shutdown) {
        registry.stopAccepting();
        Drain.run("conversations", registry::active, config.gracePeriod(),
                () -> registry.farewellAll("shutdown", config.goodbyeTimeout()), config.goodbyeTimeout().plusSeconds(1));
    }
}
