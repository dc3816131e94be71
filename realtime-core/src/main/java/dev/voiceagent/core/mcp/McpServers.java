package dev.voiceagent.core.mcp;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.voiceagent.agents.Agent;
import dev.voiceagent.agents.AgentGraph;
import dev.voiceagent.agents.ToolReference;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configured MCP servers, shared by all conversations: connected at start-up, retried while unreachable,
 * their tool lists cached by the client. At start-up the agent graph is checked against them: a tool of an
 * unknown server, or a tool a reachable server does not have, stops start-up with a message naming it.
 */
@ApplicationScoped
public class McpServers {

    private final Map<String, McpServer> servers = new LinkedHashMap<>();
    private final ToolsConfig config;
    private final AgentGraph agents;
    private final Vertx vertx;

    public McpServers(ToolsConfig config, AgentGraph agents, Vertx vertx) {
        this.config = config;
        this.agents = agents;
        this.vertx = vertx;
        // The client's own limit only frees its thread; the call's outcome is decided by call()'s timer.
        Duration clientTimeout = config.tools().timeout().plusSeconds(5);
        config.mcp().forEach((name, server) -> servers.put(name, new McpServer(name, server, clientTimeout)));
    }

    void start(@Observes StartupEvent event) {
        servers.values().forEach(McpServer::connect);
        validate();
        vertx.setPeriodic(config.tools().reconnectInterval().toMillis(), id -> servers.values().stream()
                .filter(server -> !server.isConnected())
                .forEach(server -> vertx.executeBlocking(server::connect, false)));
    }

    void stop(@Observes ShutdownEvent event) {
        servers.values().forEach(McpServer::close);
    }

    private void validate() {
        for (Agent agent : agents.agents()) {
            for (ToolReference reference : agent.tools()) {
                McpServer server = servers.get(reference.server());
                if (server == null) {
                    throw new IllegalStateException("agent '" + agent.name() + "' uses tool '" + reference.tool()
                            + "' of MCP server '" + reference.server() + "', which is not configured (voice.mcp."
                            + reference.server() + ".url)");
                }
                if (server.isConnected() && server.tool(reference.tool()).isEmpty()) {
                    throw new IllegalStateException("agent '" + agent.name() + "' uses tool '" + reference.tool()
                            + "', which MCP server '" + reference.server() + "' does not offer");
                }
            }
        }
    }

    /** The tool's specification, if its server is reachable and offers it. */
    public Optional<ToolSpecification> tool(ToolReference reference) {
        McpServer server = servers.get(reference.server());
        return server == null ? Optional.empty() : server.tool(reference.tool());
    }

    /**
     * Calls a tool off the event loop; the future completes on the caller's context, with an error outcome when
     * the tool does not answer within {@code voice.tools.timeout}. Never fails.
     */
    public Future<ToolOutcome> call(ToolReference reference, String argumentsJson) {
        McpServer server = servers.get(reference.server());
        if (server == null) {
            return Future.succeededFuture(ToolOutcome.error("no such tool server: " + reference.server()));
        }
        Promise<ToolOutcome> outcome = Promise.promise();
        Duration timeout = config.tools().timeout();
        long timer = vertx.setTimer(timeout.toMillis(), t -> outcome.tryComplete(
                ToolOutcome.error("the tool did not answer within " + timeout.toMillis() + " ms")));
        vertx.executeBlocking(() -> server.call(reference.tool(), argumentsJson), false).onComplete(result -> {
            vertx.cancelTimer(timer);
            outcome.tryComplete(result.succeeded() ? result.result()
                    : ToolOutcome.error("the tool failed: " + result.cause().getMessage()));
        });
        return outcome.future();
    }

    /** Name and reachability of each server, for health. */
    public Map<String, Boolean> status() {
        Map<String, Boolean> status = new LinkedHashMap<>();
        servers.forEach((name, server) -> status.put(name, server.isConnected()));
        return status;
    }
}
