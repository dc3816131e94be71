package dev.voiceagent.mcptools.access;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * Who may use {@code /mcp}: clients presenting one of these bearer tokens (MCP's authorization model, RFC 6750).
 * Several are allowed so a token can be rotated: add the new one, move the clients, remove the old one.
 * Without any, the service refuses to start in production; in dev and test mode it then runs open and says so.
 */
@ConfigMapping(prefix = "mcp-auth")
public interface McpAccessConfig {

    /** Accepted bearer tokens, comma-separated, from a Kubernetes Secret. Env: MCP_AUTH_TOKENS. */
    Optional<List<String>> tokens();
}
