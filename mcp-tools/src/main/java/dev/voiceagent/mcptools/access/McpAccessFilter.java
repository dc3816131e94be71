package dev.voiceagent.mcptools.access;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * MCP's authorization model for a protected resource: {@code /mcp} (Streamable HTTP) and {@code /mcp/*} (the legacy
 * SSE transport) answer 401 with a {@code WWW-Authenticate: Bearer} challenge unless the request carries a known
 * bearer token. Health and metrics ({@code /q/*}) stay open for probes and scrapers.
 */
@ApplicationScoped
public class McpAccessFilter {

    private static final Logger LOG = Logger.getLogger(McpAccessFilter.class);
    private static final String PATH = "/mcp";
    private static final String REALM = "Bearer realm=\"mcp-tools\"";
    /** Before every route, and before the body handler. */
    private static final int PRIORITY = 1000;

    private final BearerTokens tokens;

    public McpAccessFilter(BearerTokens tokens) {
        this.tokens = tokens;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext context) {
        String path = context.normalizedPath();
        if (tokens.isOpen() || !(path.equals(PATH) || path.startsWith(PATH + "/"))) {
            context.next();
            return;
        }
        BearerTokens.Refusal refusal = tokens.check(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (refusal == null) {
            context.next();
            return;
        }
        LOG.warnf("refused %s from %s: %s bearer token", path, context.request().remoteAddress(),
                refusal.name().toLowerCase(java.util.Locale.ROOT));
        // RFC 6750 3.1: a request without credentials gets the bare challenge, a wrong token says invalid_token.
        String challenge = refusal == BearerTokens.Refusal.MISSING ? REALM
                : REALM + ", error=\"invalid_token\", error_description=\"unknown token\"";
        context.response().setStatusCode(401).putHeader("WWW-Authenticate", challenge)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end("{\"error\":\"unauthorized\",\"message\":\"a bearer token is required\"}");
    }
}
