package dev.voiceagent.core.access;

import dev.voiceagent.core.metrics.CoreMetrics;
import dev.voiceagent.session.InternalCredentials;
import dev.voiceagent.session.InternalCredentials.Verdict;
import dev.voiceagent.session.UsedOnce;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Decides whether a request comes from one of our gateways: its {@code Authorization: Bearer} token must be an
 * unexpired {@link InternalCredentials} token for this audience, not presented before (pre-warm requests and
 * conversations socket upgrades share one memory of used tokens). Refusals are counted by reason and logged in one
 * line, never with the token.
 */
@Singleton
public class GatewayAccess {

    /** The {@code WWW-Authenticate} value of a refusal. */
    static final String CHALLENGE = "Bearer realm=\"realtime-core\"";

    private static final Logger LOG = Logger.getLogger(GatewayAccess.class);

    private final Optional<InternalCredentials> credentials;
    private final CoreMetrics metrics;
    private final int rememberedTokens;

    public GatewayAccess(AccessConfig config, CoreMetrics metrics) {
        this.metrics = metrics;
        this.rememberedTokens = config.rememberedTokens();
        List<String> secrets = new ArrayList<>(2);
        config.secret().filter(s -> !s.isBlank()).ifPresent(secrets::add);
        config.previousSecret().filter(s -> !s.isBlank() && !secrets.isEmpty()).ifPresent(secrets::add);
        this.credentials = secrets.isEmpty() ? Optional.empty()
                : Optional.of(new InternalCredentials(secrets, Clock.systemUTC(), new UsedOnce(rememberedTokens)));
    }

    /** Never open in production: a missing secret stops start-up rather than letting anyone in. */
    void checkConfigured(@Observes StartupEvent event) {
        if (credentials.isPresent()) {
            return;
        }
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("INTERNAL_AUTH_SECRET (internal-auth.secret) is not set: realtime-core "
                    + "will not accept gateways without a credential. Set it, 16+ characters, to the same value in "
                    + "every gateway and core (in Kubernetes: the voice-agent-secrets Secret).");
        }
        LOG.warn("internal authentication is OFF (dev/test mode without INTERNAL_AUTH_SECRET): any client on this "
                + "host may pre-warm and open conversations");
    }

    /** Whether the request may go on; a refusal is counted under {@code endpoint} and its reason. */
    public boolean admits(String authorization, String endpoint, String remoteAddress) {
        if (credentials.isEmpty()) {
            return true;
        }
        Verdict verdict = credentials.get().verifyHeader(authorization, InternalCredentials.CORE_AUDIENCE);
        if (verdict == Verdict.ACCEPTED) {
            return true;
        }
        metrics.accessRefused(endpoint, verdict.label());
        if (verdict == Verdict.REPLAY_MEMORY_FULL) {
            LOG.warnf("refused %s from %s: %d gateway tokens accepted in their lifetime already "
                    + "(internal-auth.remembered-tokens)", endpoint, remoteAddress, rememberedTokens);
        } else {
            LOG.warnf("refused %s from %s: %s credential", endpoint, remoteAddress, verdict.label().replace('_', ' '));
        }
        return false;
    }
}
