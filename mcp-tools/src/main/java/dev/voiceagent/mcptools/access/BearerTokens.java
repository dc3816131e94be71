package dev.voiceagent.mcptools.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/** Checks an {@code Authorization} header against the configured tokens, in constant time; counts refusals. */
@Singleton
public class BearerTokens {

    /** Why a request was refused: a metric label, never the token. */
    public enum Refusal {
        MISSING, UNKNOWN
    }

    private static final Logger LOG = Logger.getLogger(BearerTokens.class);
    private static final String BEARER = "bearer ";

    private final List<byte[]> tokens;
    private final MeterRegistry registry;

    public BearerTokens(McpAccessConfig config, MeterRegistry registry) {
        this.registry = registry;
        this.tokens = config.tokens().orElse(List.of()).stream().map(String::trim).filter(t -> !t.isEmpty())
                .map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Never open in production: no token configured stops start-up rather than letting anyone in. */
    void checkConfigured(@Observes StartupEvent event) {
        if (!tokens.isEmpty()) {
            return;
        }
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("MCP_AUTH_TOKENS (mcp-auth.tokens) is not set: mcp-tools will not serve "
                    + "its tools and callers' data to anonymous clients. Set one or more tokens, comma-separated, and "
                    + "give one to realtime-core as MCP_BOOKING_TOKEN (in Kubernetes: the voice-agent-secrets Secret).");
        }
        LOG.warn("MCP authentication is OFF (dev/test mode without MCP_AUTH_TOKENS): any client on this host may call "
                + "the tools");
    }

    boolean isOpen() {
        return tokens.isEmpty();
    }

    /** Null when the header carries a known token; otherwise why not (counted). */
    Refusal check(String authorization) {
        Refusal refusal = refusal(authorization);
        if (refusal != null) {
            Counter.builder("voice.mcp.auth.refused").tag("reason", refusal.name().toLowerCase(Locale.ROOT))
                    .description("MCP requests refused with 401, by reason: missing (no bearer token), unknown (not "
                            + "a configured token) (requests)")
                    .register(registry).increment();
        }
        return refusal;
    }

    private Refusal refusal(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Refusal.MISSING;
        }
        byte[] presented = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] token : tokens) {
            known |= MessageDigest.isEqual(token, presented); // every token compared: no timing hint of which
        }
        return known ? null : Refusal.UNKNOWN;
    }
}
