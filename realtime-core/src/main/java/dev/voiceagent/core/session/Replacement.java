package dev.voiceagent.core.session;

import dev.voiceagent.core.config.CoreConfig;
import dev.voiceagent.core.metrics.ReconnectMetrics;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One replacement of a lost upstream session: why, since when, which attempt. It ends resumed or failed, counted
 * and logged in one line either way.
 */
final class Replacement {

    private static final Logger LOG = Logger.getLogger(Replacement.class);

    private final String conversationId;
    private final String reason;
    private final Clock clock;
    private final CoreConfig.Reconnect policy;
    private final ReconnectMetrics metrics;
    private final long startedMs;
    private int attempt = 1;

    Replacement(String conversationId, String reason, Clock clock, CoreConfig.Reconnect policy,
            ReconnectMetrics metrics) {
        this.conversationId = conversationId;
        this.reason = reason;
        this.clock = clock;
        this.policy = policy;
        this.metrics = metrics;
        this.startedMs = clock.millis();
    }

    String reason() {
        return reason;
    }

    /** The reason for losing a session closed with this websocket close code, as metrics label it. */
    static String reasonOf(int closeCode) {
        return switch (closeCode) {
            case ModelConnection.ABNORMAL -> "reset";
            case ModelConnection.SERVER_ERROR -> "server_error";
            default -> "closed";
        };
    }

    /** An attempt failed: the wait before the next one (the backoff doubles), or null when none is left. */
    Duration nextAttemptAfter() {
        if (attempt >= policy.attempts()) {
            return null;
        }
        Duration wait = policy.backoff().multipliedBy(1L << (attempt - 1));
        attempt++;
        return wait;
    }

    void resumed() {
        metrics.reconnect(reason, "resumed");
        LOG.infof("conversation %s: upstream session replaced after %s in %d ms (attempt %d)", conversationId, reason,
                clock.millis() - startedMs, attempt);
    }

    void failed(String lastError) {
        metrics.reconnect(reason, "failed");
        LOG.warnf("conversation %s: no new upstream session after %s, %d attempts in %d ms (%s); ending the call",
                conversationId, reason, attempt, clock.millis() - startedMs, lastError);
    }
}
