package dev.voiceagent.telephony.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import dev.voiceagent.session.InternalCredentials;
import dev.voiceagent.session.SessionCodec;
import dev.voiceagent.session.SessionMessage;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.opentelemetry.context.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Asks realtime-core to open a call's upstream session while Twilio connects the media stream. */
@ApplicationScoped
public class PrewarmClient {

    /** Why there is no reference: the core refused (its reason) or could not be asked. */
    public record Outcome(Optional<String> sessionRef, String label) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Logger LOG = Logger.getLogger(PrewarmClient.class);

    private final CoreLinkConfig config;
    private final HttpClient client;
    private final Optional<String> internalSecret;
    private final Supplier<String> credentials;

    public PrewarmClient(CoreLinkConfig config, Vertx vertx,
            @ConfigProperty(name = InternalCredentials.SECRET_KEY) Optional<String> internalSecret) {
        this.config = config;
        this.client = vertx.createHttpClient();
        this.internalSecret = internalSecret.filter(secret -> !secret.isBlank());
        this.credentials = InternalCredentials.forCore(this.internalSecret);
    }

    /** The core refuses gateways without its credential: in production, better not to start than to drop every call. */
    void checkConfigured(@Observes StartupEvent event) {
        if (internalSecret.isEmpty() && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("INTERNAL_AUTH_SECRET (internal-auth.secret) is not set: realtime-core "
                    + "refuses gateways without a credential. Set it to the cores' value (in Kubernetes: the "
                    + "voice-agent-secrets Secret).");
        }
    }

    public boolean enabled() {
        return config.sessionRefSecret().isPresent();
    }

    /** An inbound call: the phone channel's entry agent, no call context. */
    public Future<Outcome> prewarm(String caller, String callSid) {
        return prewarm(caller, callSid, null, null);
    }

    /**
     * Never fails: any problem becomes an outcome without a reference, and the stream starts a fresh session.
     *
     * @param agent the agent to start with, or null for the phone channel's entry agent
     * @param context the call context for the agent's instructions ({@code start.context}), or null
     */
    public Future<Outcome> prewarm(String caller, String callSid, String agent, String context) {
        if (!enabled()) {
            return Future.succeededFuture(new Outcome(Optional.empty(), "disabled"));
        }
        String body = SessionCodec.encode(new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE,
                AudioCodec.PCMU, caller, callSid, null, null, currentTraceparent(), agent, null, context));
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(config.url().resolve("/v1/prewarm").toString())
                .putHeader("content-type", "application/json")
                .setTimeout(config.prewarmTimeout().toMillis());
        String token = credentials.get(); // minted per request: it expires within a minute
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        return client.request(request)
                .compose(req -> req.send(body))
                .compose(response -> response.body().map(payload -> {
                    if (response.statusCode() == 401) {
                        LOG.warnf("realtime-core at %s refused this gateway's credential (401): is "
                                + "INTERNAL_AUTH_SECRET the same on both?", config.url());
                        return new Outcome(Optional.empty(), "unauthorized");
                    }
                    if (response.statusCode() != 201) {
                        return new Outcome(Optional.empty(), "refused");
                    }
                    JsonNode json = parse(payload.toString());
                    return new Outcome(Optional.ofNullable(json.path("sessionRef").asText(null)), "issued");
                }))
                .otherwise(failure -> new Outcome(Optional.empty(), "failed"));
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            return MAPPER.createObjectNode();
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The webhook's trace context (W3C), so the core's spans of this call join the webhook's trace; null if off. */
    private static String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance()
                .inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }
}
