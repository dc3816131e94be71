package dev.voiceagent.web.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How this gateway learns whether a realtime-core is reachable. */
@ConfigMapping(prefix = "readiness")
public interface CoreProbeConfig {

    /** How often the core's readiness ({@code web.core.url} + {@code /q/health/ready}) is probed. */
    @WithDefault("2s")
    Duration coreProbeInterval();
}
