package dev.voiceagent.web.conversation;

import dev.voiceagent.session.Drain;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * On SIGTERM: readiness fails and new sessions are refused (SESSION_START_ERROR, the widget says so), active sessions
 * run on for the grace period, then the core says goodbye on the rest and ends them. Runs before the HTTP server
 * stops (Quarkus fires ShutdownDelayInitiatedEvent first).
 */
@Singleton
public class SessionDrain {

    /** How the gateway stops without cutting conversations. */
    @ConfigMapping(prefix = "voice.drain")
    public interface DrainConfig {
        /** How long active sessions may run on after SIGTERM. Env: DRAIN_GRACE_PERIOD. */
        @WithDefault("30s")
        Duration gracePeriod();

        /** How long the goodbye on sessions still on after the grace period may take. */
        @WithDefault("10s")
        Duration goodbyeTimeout();
    }

    private final Set<VoiceSession> sessions = ConcurrentHashMap.newKeySet();
    private final DrainConfig config;
    private volatile boolean draining;

    public SessionDrain(DrainConfig config) {
        this.config = config;
    }

    public boolean isDraining() {
        return draining;
    }

    void track(VoiceSession session) {
        sessions.add(session);
    }

    void forget(VoiceSession session) {
        sessions.remove(session);
    }

    void drain(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownDelayInitiatedEvent shutdown) {
        draining = true;
        Drain.run("web sessions", sessions::size, config.gracePeriod(), () -> sessions.forEach(VoiceSession::drain),
                config.goodbyeTimeout());
    }
}
