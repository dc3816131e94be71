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
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One MCP server: a shared, warm connection and its tool list. Blocking calls; callers run them off the event
 * loop. An unreachable server is not an error here: it has no tools until {@link #connect()} succeeds, and a call
 * that finds it gone answers in words the agent can relay. Going down is logged once (WARN), coming back once (INFO).
 */
final class McpServer {

    private static final Logger LOG = Logger.getLogger(McpServer.class);

    private final String name;
    private final ToolsConfig.McpServer config;
    private final Duration toolTimeout;
    private final Consumer<McpServer> onDown;
    private volatile McpClient client;
    /** Guarded by this: whether the outage has been reported, so a long one is one WARN line, not one per attempt. */
    private boolean down;

    /** @param onDown told (outside any lock) each time the server is found unreachable, to plan the next attempt */
    McpServer(String name, ToolsConfig.McpServer config, Duration toolTimeout, Consumer<McpServer> onDown) {
        this.name = name;
        this.config = config;
        this.toolTimeout = toolTimeout;
        this.onDown = onDown;
    }

    String name() {
        return name;
    }

    boolean isConnected() {
        return client != null;
    }

    /** Opens the connection if it is not open; returns whether it is. */
    boolean connect() {
        synchronized (this) {
            if (client != null) {
                return true;
            }
            McpClient opened = null;
            try {
                opened = open();
                opened.listTools();
                client = opened;
                LOG.infof(down ? "MCP server %s is back at %s" : "MCP server %s connected at %s", name, config.url());
                down = false;
                return true;
            } catch (RuntimeException e) {
                closeQuietly(opened);
                reportDown(e);
            }
        }
        onDown.accept(this);
        return false;
    }

    private McpClient open() {
        StreamableHttpMcpTransport.Builder transport = new StreamableHttpMcpTransport.Builder()
                .url(config.url().toString()).timeout(config.connectTimeout());
        config.token().filter(token -> !token.isBlank())
                .ifPresent(token -> transport.customHeaders(Map.of("Authorization", "Bearer " + token)));
        return new DefaultMcpClient.Builder()
                .key(name)
                .clientName("voice-agent-realtime-core")
                .transport(transport.build())
                .initializationTimeout(config.connectTimeout())
                .toolExecutionTimeout(toolTimeout)
                .toolExecutionTimeoutErrorMessage("the tool did not answer in time")
                .cacheToolList(true)
                .build();
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
            disconnected(current, e);
            return Map.of();
        }
    }

    Optional<ToolSpecification> tool(String toolName) {
        return Optional.ofNullable(tools().get(toolName));
    }

    ToolOutcome call(String toolName, String argumentsJson) {
        McpClient current = client;
        if (current == null) {
            return ToolOutcome.unavailable(name);
        }
        try {
            ToolExecutionResult result = current.executeTool(ToolExecutionRequest.builder()
                    .name(toolName).arguments(argumentsJson).build());
            return new ToolOutcome(result.resultText(), result.isError());
        } catch (ToolArgumentsException e) {
            return ToolOutcome.error(e.getMessage()); // unreadable arguments, or the server said they are invalid
        } catch (ToolExecutionException e) {
            if (e.getCause() == null || answers(current)) {
                // The server answered, with a tool error or a JSON-RPC error: it is fine, and the model hears why.
                return ToolOutcome.error((e.getCause() == null ? e : e.getCause()).getMessage());
            }
            disconnected(current, e);
            return ToolOutcome.unavailable(name);
        } catch (RuntimeException e) {
            disconnected(current, e);
            return ToolOutcome.unavailable(name);
        }
    }

    /**
     * The client reports an error answer of the server and a failed exchange alike (a RuntimeException as the
     * cause), so a ping tells them apart: only a server that does not answer it is down.
     */
    private static boolean answers(McpClient client) {
        try {
            client.checkHealth();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void disconnected(McpClient failed, RuntimeException cause) {
        synchronized (this) {
            if (client != failed) {
                return; // another call saw it first
            }
            client = null;
            closeQuietly(failed);
            reportDown(cause);
        }
        onDown.accept(this);
    }

    private void reportDown(RuntimeException cause) {
        if (down) {
            LOG.debugf("MCP server %s still unreachable: %s", name, describe(cause));
            return;
        }
        down = true;
        LOG.warnf("MCP server %s is unreachable at %s (%s): its tools are off until it answers; retrying with back-off",
                name, config.url(), describe(cause));
    }

    /** The innermost cause's message, or its type when it has none (a refused connection often has none). */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private void closeQuietly(McpClient closing) {
        if (closing == null) {
            return;
        }
        try {
            closing.close();
        } catch (Exception e) {
            LOG.debugf("closing MCP server %s: %s", name, e.getMessage());
        }
    }

    synchronized void close() {
        closeQuietly(client);
        client = null;
    }
}
