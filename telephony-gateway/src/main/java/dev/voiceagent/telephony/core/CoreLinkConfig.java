package dev.voiceagent.telephony.core;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How this gateway reaches realtime-core. */
@ConfigMapping(prefix = "core")
public interface CoreLinkConfig {

    /** Base URL of realtime-core (in Kubernetes, its Service). Env: CORE_URL. */
    @WithDefault("http://localhost:8081")
    URI url();

    /** How long the webhook waits for the core to pre-warm a session before answering Twilio without one. */
    @WithDefault("1s")
    Duration prewarmTimeout();

    /**
     * Secret shared with the cores to verify pre-warm references (16+ characters). Without it the gateway does
     * not pre-warm. Env: SESSION_REF_SECRET.
     */
    @WithName("session-ref.secret")
    Optional<String> sessionRefSecret();
}
