package dev.voiceagent.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a service that carries calls stops without cutting them (Kubernetes sends SIGTERM, then SIGKILL after the
 * pod's terminationGracePeriodSeconds). One mapping for every service, so `voice.drain.*` means the same everywhere;
 * each service's {@code ShutdownDrain} reads it and runs {@link Drain}.
 */
@ConfigMapping(prefix = "voice.drain")
public interface DrainConfig {

    /**
     * How long active calls may run on after SIGTERM. Keep it below the pod's terminationGracePeriodSeconds minus
     * {@link #goodbyeTimeout()} and the preStop sleep. Env: DRAIN_GRACE_PERIOD.
     */
    @WithDefault("30s")
    Duration gracePeriod();

    /**
     * How long the goodbye on calls still on after the grace period may take, including its playout. The core's
     * must be shorter than the gateways' (realtime-core sets 8s), so a gateway sees the goodbye end before it stops
     * waiting.
     */
    @WithDefault("15s")
    Duration goodbyeTimeout();
}
