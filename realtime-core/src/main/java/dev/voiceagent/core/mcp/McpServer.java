package dev.voiceagent.core.mcp;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.ToolArgumentsException;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One MCP server: a shared, warm connection and its tool list. Blocking calls; callers run them off the event
 * loop. An unreachable server is not an error here: it has no tools until {@link #connect()} succeeds.
 */
final class McpServer {

    private static final Logger LOG = Logger.getLogger(McpServer.class);

    private final String name;
    private final ToolsConfig.McpServer config;
    private final Duration toolTimeout;
    private volatile McpClient client;

    McpServer(String name, ToolsConfig.McpServer config, Duration toolTimeout) {
        this.name = name;
        this.config = config;
        this.toolTimeout = toolTimeout;
    }

    String name() {
        return name;
    }

    boolean isConnected() {
        return client != null;
    }

    /** Opens the connection if it is not open; returns whether it is. */
    synchronized boolean connect() {
        if (client != null) {
            return true;
        }
        try {
            McpClient opened = new DefaultMcpClient.Builder()
                    .key(name)
                    .clientName("voice-agent-realtime-core")
                    .transport(new StreamableHttpMcpTransport.Builder().url(config.url().toString())
                            .timeout(config.connectTimeout()).build())
                    .initializationTimeout(config.connectTimeout())
                    .toolExecutionTimeout(toolTimeout)
                    .toolExecutionTimeoutErrorMessage("the tool did not answer in time")
                    .cacheToolList(true)
                    .build();
            opened.listTools();
            client = opened;
            LOG.infof("MCP server %s connected at %s", name, config.url());
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("MCP server %s unreachable at %s: %s; its tools are off until it answers", name, config.url(),
                    e.getMessage());
            return false;
        }
    }

    /** Its tools by name; empty while unreachable. */
    Map<String, ToolSpecification> tools() {
        McpClient current = client;
        if (current == null) {
            return Map.of();
        }
        try {
            Map<String, ToolSpecification> tools = new LinkedHashMap<>();
            current.listTools().forEach(tool -> tools.put(tool.name(), tool));
            return tools;
        } catch (RuntimeException e) {
            disconnected(e);
            return Map.of();
        }
    }

    Optional<ToolSpecification> tool(String toolName) {
        return Optional.ofNullable(tools().get(toolName));
    }

    ToolOutcome call(String toolName, String argumentsJson) {
        McpClient current = client;
        if (current == null) {
            return ToolOutcome.error("the " + name + " service is unavailable right now");
        }
        try {
            ToolExecutionResult result = current.executeTool(ToolExecutionRequest.builder()
                    .name(toolName).arguments(argumentsJson).build());
            return new ToolOutcome(result.resultText(), result.isError());
        } catch (ToolExecutionException | ToolArgumentsException e) {
            return ToolOutcome.error(e.getMessage()); // the tool answered isError: the server is fine
        } catch (RuntimeException e) {
            disconnected(e);
            return ToolOutcome.error("the " + name + " service is unavailable right now");
        }
    }

    private synchronized void disconnected(RuntimeException cause) {
        LOG.warnf("MCP server %s failed: %s", name, cause.getMessage());
        McpClient current = client;
        client = null;
        if (current != null) {
            try {
                current.close();
            } catch (Exception ignored) {
                // the connection is being dropped anyway
            }
        }
    }

    synchronized void close() {
        if (client != null) {
            try {
                client.close();
            } catch (Exception e) {
                LOG.debugf("closing MCP server %s: %s", name, e.getMessage());
            }
            client = null;
        }
    }
}
