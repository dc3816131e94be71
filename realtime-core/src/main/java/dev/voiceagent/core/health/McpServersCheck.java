package dev.voiceagent.core.health;

import dev.voiceagent.core.mcp.McpServers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows which MCP servers are reachable. Always up: calls go on without a server's tools, so an MCP outage must
 * not take the core out of the load balancer; the data tells operators what is missing.
 */
@Readiness
@ApplicationScoped
public class McpServersCheck implements HealthCheck {

    private final McpServers servers;

    public McpServersCheck(McpServers servers) {
        this.servers = servers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("mcp-servers").up();
        servers.status().forEach((name, reachable) -> response.withData(name, reachable ? "reachable" : "unreachable"));
        return response.build();
    }
}
