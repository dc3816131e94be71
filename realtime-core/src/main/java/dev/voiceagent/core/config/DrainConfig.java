package dev.voiceagent.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How this instance stops without cutting calls (Kubernetes sends SIGTERM, then SIGKILL after its grace period). */
@ConfigMapping(prefix = "voice.drain")
public interface DrainConfig {

    /**
     * How long active conversations may run on after SIGTERM. Keep it below the pod's
     * {@code terminationGracePeriodSeconds} minus {@link #goodbyeTimeout()}. Env: DRAIN_GRACE_PERIOD.
     */
    @WithDefault("30s")
    Duration gracePeriod();

    /** How long a goodbye may take once the grace period is over. */
    @WithDefault("8s")
    Duration goodbyeTimeout();
}
