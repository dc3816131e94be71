package dev.voiceagent.web.config;

import dev.voiceagent.session.InternalCredentials;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * realtime-core refuses gateways without the internal credential, so in production a gateway without
 * {@code INTERNAL_AUTH_SECRET} would refuse every conversation: better not to start, naming the variable, as the
 * telephony gateway does. Dev and test mode start without it (a local core then asks for none).
 */
@ApplicationScoped
public class InternalSecretCheck {

    private final Optional<String> secret;

    public InternalSecretCheck(@ConfigProperty(name = InternalCredentials.SECRET_KEY) Optional<String> secret) {
        this.secret = secret;
    }

    void onStart(@Observes StartupEvent event) {
        check(secret, LaunchMode.current());
    }

    static void check(Optional<String> secret, LaunchMode mode) {
        if (secret.filter(s -> !s.isBlank()).isEmpty() && mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("INTERNAL_AUTH_SECRET (internal-auth.secret) is not set: realtime-core "
                    + "refuses gateways without a credential. Set it to the cores' value (in Kubernetes: the "
                    + "voice-agent-secrets Secret).");
        }
    }
}
