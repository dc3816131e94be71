package dev.voiceagent.telephony.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import dev.voiceagent.session.SessionCodec;
import dev.voiceagent.session.SessionMessage;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Asks realtime-core to open a call's upstream session while Twilio connects the media stream. */
@ApplicationScoped
public class PrewarmClient {

    /** Why there is no reference: the core refused (its reason) or could not be asked. */
    public record Outcome(Optional<String> sessionRef, String label) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CoreLinkConfig config;
    private final HttpClient client;

    public PrewarmClient(CoreLinkConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient();
    }

    public boolean enabled() {
        return config.sessionRefSecret().isPresent();
    }

    /** Never fails: any problem becomes an outcome without a reference, and the stream starts a fresh session. */
    public Future<Outcome> prewarm(String caller, String callSid) {
        if (!enabled()) {
            return Future.succeededFuture(new Outcome(Optional.empty(), "disabled"));
        }
        String body = SessionCodec.encode(new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE,
                AudioCodec.PCMU, caller, callSid, null, null, currentTraceparent(), null, null));
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(config.url().resolve("/v1/prewarm").toString())
                .putHeader("content-type", "application/json")
                .setTimeout(config.prewarmTimeout().toMillis());
        return client.request(request)
                .compose(req -> req.send(body))
                .compose(response -> response.body().map(payload -> {
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
