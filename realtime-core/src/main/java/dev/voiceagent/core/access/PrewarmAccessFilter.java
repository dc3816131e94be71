package dev.voiceagent.core.access;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses {@code /v1/prewarm} with 401 unless a gateway presents its credential, before the body is read or any
 * upstream session is opened. Health and metrics ({@code /q/*}) stay open for probes and scrapers.
 */
@ApplicationScoped
public class PrewarmAccessFilter {

    static final String PATH = "/v1/prewarm";
    /** Before every route, and before the body handler. */
    private static final int PRIORITY = 1000;

    private final GatewayAccess access;

    public PrewarmAccessFilter(GatewayAccess access) {
        this.access = access;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext context) {
        String path = context.normalizedPath();
        boolean prewarm = path.equals(PATH) || path.startsWith(PATH + "/");
        if (!prewarm || access.admits(context.request().getHeader(HttpHeaders.AUTHORIZATION), "prewarm",
                String.valueOf(context.request().remoteAddress()))) {
            context.next();
            return;
        }
        context.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", GatewayAccess.CHALLENGE)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end("{\"error\":\"unauthorized\",\"message\":\"a gateway credential is required\"}");
    }
}
