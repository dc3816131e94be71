package dev.voiceagent.web.handoff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the site's backend hears that a visitor asked for a person ({@code web.handoff.*}): a webhook, signed so it
 * can tell it came from this gateway, so a live-chat or callback system can take over.
 */
@ConfigMapping(prefix = "web.handoff")
public interface HandoffConfig {

    /** The site's endpoint (HTTPS in production); without it the widget alone is told. Env: WEB_HANDOFF_WEBHOOK_URL. */
    Optional<URI> webhookUrl();

    /**
     * Signs each delivery (HMAC-SHA256, 16+ characters); required with a URL. Env: WEB_HANDOFF_WEBHOOK_SECRET.
     */
    Optional<String> webhookSecret();

    /** Deliveries tried in all: a network error, a timeout, 408, 429 or a 5xx is tried again; other answers are not. */
    @WithDefault("4")
    int maxAttempts();

    /** Wait before the second attempt, doubled before each later one. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** How long one delivery may take to be answered. */
    @WithDefault("5s")
    Duration timeout();
}
