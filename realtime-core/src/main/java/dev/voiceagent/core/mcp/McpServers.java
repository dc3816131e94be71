package dev.voiceagent.core.mcp;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.voiceagent.agents.Agent;
import dev.voiceagent.agents.AgentGraph;
import dev.voiceagent.agents.ToolReference;
import dev.voiceagent.core.metrics.CoreMetrics;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured MCP servers, shared by all conversations: connected at start-up, retried with back-off while
 * unreachable, their tool lists cached by the client; a gauge per server shows whether it answers. At start-up the agent graph is checked against them: a tool of an
 * unknown server, or a tool a reachable server does not have, stops start-up with a message naming it.
 */
@ApplicationScoped
public class McpServers {

    private final Map<String, McpServer> servers = new LinkedHashMap<>();
    private final Map<McpServer, Backoff> backoffs = new ConcurrentHashMap<>();
    private final Set<McpServer> retrying = ConcurrentHashMap.newKeySet();
    private final ToolsConfig config;
    private final AgentGraph agents;
    private final Vertx vertx;
    private volatile boolean stopped;

    public McpServers(ToolsConfig config, AgentGraph agents, Vertx vertx, CoreMetrics metrics) {
        this.config = config;
        this.agents = agents;
        this.vertx = vertx;
        // The client's own limit only frees its thread; the call's outcome is decided by call()'s timer.
        Duration clientTimeout = config.tools().timeout().plusSeconds(5);
        config.mcp().forEach((name, settings) -> {
            McpServer server = new McpServer(name, settings, clientTimeout, this::retryLater);
            servers.put(name, server);
            backoffs.put(server, new Backoff(config.tools().reconnectInterval(), config.tools().reconnectMaxInterval()));
            metrics.mcpServerUp(name, server::isConnected);
        });
    }

    void start(@Observes StartupEvent event) {
        servers.values().forEach(McpServer::connect);
        validate();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        servers.values().forEach(McpServer::close);
    }

    /**
     * One attempt at a time per server, after a delay that doubles up to {@code voice.tools.reconnect-max-interval}:
     * a server that stays down costs a refused connection now and then, not a log line every few seconds.
     */
    private void retryLater(McpServer server) {
        if (stopped || !retrying.add(server)) {
            return;
        }
        Backoff backoff = backoffs.get(server);
        vertx.setTimer(backoff.next(), id -> vertx.executeBlocking(() -> {
            retrying.remove(server);
            if (!stopped && server.connect()) {
                backoff.reset();
            }
            return null;
        }, false));
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
            return Future.succeededFuture(ToolOutcome.unavailable(reference.server()));
        }
        Promise<ToolOutcome> outcome = Promise.promise();
        Duration timeout = config.tools().timeout();
        long timer = vertx.setTimer(timeout.toMillis(), t -> outcome.tryComplete(
                ToolOutcome.tooSlow(reference.server(), timeout.toMillis())));
        vertx.executeBlocking(() -> server.call(reference.tool(), argumentsJson), false).onComplete(result -> {
            vertx.cancelTimer(timer);
            outcome.tryComplete(result.succeeded() ? result.result() : ToolOutcome.unavailable(reference.server()));
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
