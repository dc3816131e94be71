package dev.voiceagent.telephony.outbound;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Who may place calls: {@code /v1/calls} and everything under it answer 401 with a {@code WWW-Authenticate: Bearer}
 * challenge (RFC 6750) unless the request carries one of the configured bearer tokens, compared in constant time.
 * Checked before the body is read. Refusals are counted by reason and logged in one line, never with the token.
 * Without any token configured the API is closed, in every launch mode.
 */
@ApplicationScoped
public class OutboundAccess {

    static final String PATH = "/v1/calls";
    private static final Logger LOG = Logger.getLogger(OutboundAccess.class);
    private static final String BEARER = "bearer ";
    private static final String REALM = "Bearer realm=\"outbound-calls\"";
    /** Before every route, and before the body handler. */
    private static final int PRIORITY = 1000;

    private final List<byte[]> tokens;
    private final OutboundMetrics metrics;

    public OutboundAccess(OutboundConfig config, OutboundMetrics metrics) {
        this.metrics = metrics;
        this.tokens = config.tokens().orElse(List.of()).stream().map(String::trim).filter(t -> !t.isEmpty())
                .map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    void announce(@Observes StartupEvent event) {
        if (tokens.isEmpty()) {
            LOG.info("outbound calls are off: OUTBOUND_API_TOKENS (outbound.tokens) is not set, so /v1/calls "
                    + "refuses every request");
        }
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext context) {
        String path = context.normalizedPath();
        if (!(path.equals(PATH) || path.startsWith(PATH + "/"))) {
            context.next();
            return;
        }
        String refusal = refusal(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (refusal == null) {
            context.next();
            return;
        }
        metrics.unauthorized(refusal);
        LOG.warnf("refused %s %s from %s: %s bearer token", context.request().method(), PATH,
                context.request().remoteAddress(), refusal.replace('_', ' '));
        // RFC 6750 3.1: a request without credentials gets the bare challenge, a wrong token says invalid_token.
        String challenge = "missing".equals(refusal) ? REALM
                : REALM + ", error=\"invalid_token\", error_description=\"unknown token\"";
        context.response().setStatusCode(401).putHeader("WWW-Authenticate", challenge)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end("{\"error\":\"unauthorized\",\"message\":\"a bearer token of OUTBOUND_API_TOKENS is required\"}");
    }

    /** Null when the header carries a configured token, otherwise why not. */
    String refusal(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return "missing";
        }
        if (tokens.isEmpty()) {
            return "not_configured";
        }
        byte[] presented = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] token : tokens) {
            known |= MessageDigest.isEqual(token, presented); // every token compared: no timing hint of which
        }
        return known ? null : "unknown";
    }
}
