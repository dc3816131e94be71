package dev.voiceagent.web.call;

import dev.voiceagent.session.Drain;
import dev.voiceagent.session.DrainConfig;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * On SIGTERM: readiness fails and new sessions are refused (SESSION_START_ERROR, the widget says so), active sessions
 * run on for the grace period, then the core says goodbye on the rest and ends them. Runs before the HTTP server
 * stops (Quarkus fires ShutdownDelayInitiatedEvent first).
 */
@Singleton
public class ShutdownDrain {

    private final Set<WebCall> sessions = ConcurrentHashMap.newKeySet();
    private final DrainConfig config;
    private volatile boolean draining;

    public ShutdownDrain(DrainConfig config) {
        this.config = config;
    }

    public boolean isDraining() {
        return draining;
    }

    void track(WebCall session) {
        sessions.add(session);
    }

    void forget(WebCall session) {
        sessions.remove(session);
    }

    void drain(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownDelayInitiatedEvent shutdown) {
        draining = true;
        Drain.run("web sessions", sessions::size, config.gracePeriod(), () -> sessions.forEach(WebCall::drain),
                config.goodbyeTimeout());
    }
}
