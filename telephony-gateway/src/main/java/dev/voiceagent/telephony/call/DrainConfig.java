package dev.voiceagent.telephony.call;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the gateway stops without cutting calls (Kubernetes sends SIGTERM, then SIGKILL after its grace period). */
@ConfigMapping(prefix = "voice.drain")
public interface DrainConfig {

    /**
     * How long active calls may run on after SIGTERM; keep it below the pod's terminationGracePeriodSeconds minus
     * {@link #goodbyeTimeout()}. Env: DRAIN_GRACE_PERIOD.
     */
    @WithDefault("30s")
    Duration gracePeriod();

    /** How long the goodbye on calls still on after the grace period may take, including its playout. */
    @WithDefault("15s")
    Duration goodbyeTimeout();
}
