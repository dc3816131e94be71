package dev.voiceagent.core.mcp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * MCP servers and how tools are called. Keys follow the Quarkus MCP client extension's shape
 * ({@code voice.mcp.<name>.url}), so swapping in the extension later is a dependency change.
 */
@ConfigMapping(prefix = "voice")
public interface ToolsConfig {

    /** MCP servers by name, e.g. {@code voice.mcp.booking.url=http://mcp-tools:8083/mcp}. */
    Map<String, McpServer> mcp();

    Tools tools();

    PhoneSession phoneSession();

    interface McpServer {
        /** Streamable HTTP endpoint of the server. */
        URI url();

        /** Time allowed to initialise the connection or list tools. */
        @WithDefault("3s")
        Duration connectTimeout();
    }

    interface Tools {
        /** A tool that has not answered after this long makes the agent say a short holding line, once. */
        @WithDefault("1.5s")
        Duration holdingDelay();

        /** A tool that has not answered after this long fails with an error output; the call goes on. */
        @WithDefault("10s")
        Duration timeout();

        /** How often an unreachable MCP server is tried again. */
        @WithDefault("3s")
        Duration reconnectInterval();
    }

    /** The caller-ID lookup done while a phone call is pre-warmed. */
    interface PhoneSession {
        @WithDefault("booking")
        String server();

        @WithDefault("get_phone_session")
        String tool();

        /** The greeting does not wait longer than this for the lookup. */
        @WithDefault("1s")
        Duration timeout();
    }
}
