package dev.voiceagent.telephony.core;

import dev.voiceagent.session.CoreConnections;
import dev.voiceagent.session.CoreConversation;
import dev.voiceagent.session.CoreReachability;
import dev.voiceagent.session.InternalCredentials;
import dev.voiceagent.session.ResumePolicy;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.session.SessionReference;
import io.quarkus.runtime.Startup;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens conversations on realtime-core: on the core instance a valid pre-warm reference names, otherwise on the
 * configured core. The reference is verified first, so a forged stream parameter cannot steer us elsewhere. A
 * conversation whose core is lost is resumed on the configured core (the Service). Knows whether a core is
 * reachable at all ({@link CoreReachability}), from start-up on.
 */
@Startup
@ApplicationScoped
public class CoreLink {

    /** The conversation, and the first-audio clock start: the webhook time for a pre-warmed call. */
    public record Opened(CoreConversation conversation, Optional<SessionReference.Claims> prewarm) {
    }

    private final CoreLinkConfig config;
    private final CoreConnections connections;
    private final CoreReachability reachability;
    private final Optional<SessionReference> references;

    /** @param internalSecret signs the credential presented to realtime-core on every core socket */
    public CoreLink(CoreLinkConfig config, Vertx vertx, ResumeMetrics resumes,
            @ConfigProperty(name = InternalCredentials.SECRET_KEY) Optional<String> internalSecret) {
        this.config = config;
        this.connections = new CoreConnections(vertx, InternalCredentials.forCore(internalSecret),
                new ResumePolicy(config.resumeWindow(), Duration.ofMillis(50), Duration.ofMillis(800)));
        this.reachability = new CoreReachability(vertx, config.url(), config.probeInterval());
        connections.reportTo(reachability);
        connections.observeResumes(resumes);
        this.references = config.sessionRefSecret().map(secret -> new SessionReference(secret, Clock.systemUTC()));
    }

    /** Call on the media stream's event loop: the conversation then shares it with the core socket it rides on. */
    public Future<Opened> open(SessionMessage.Start start, CoreConversation.Listener listener) {
        Optional<SessionReference.Claims> claims = references.flatMap(r -> r.verify(start.sessionRef()));
        URI core = claims.map(SessionReference.Claims::coreUrl).orElse(config.url());
        SessionMessage.Start sent = claims.isPresent() ? start : start.withoutSessionRef();
        return connections.open(core, config.url(), sent, listener).map(c -> new Opened(c, claims));
    }

    public CoreReachability reachability() {
        return reachability;
    }

    @PreDestroy
    void close() {
        reachability.close();
        connections.close();
    }
}
