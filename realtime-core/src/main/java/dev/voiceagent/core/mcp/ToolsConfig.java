package dev.voiceagent.core.mcp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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

        /**
         * Bearer token sent to the server ({@code Authorization: Bearer}); mcp-tools accepts one of its
         * {@code MCP_AUTH_TOKENS}. Env for the booking server: MCP_BOOKING_TOKEN. Never logged.
         */
        Optional<String> token();
    }

    interface Tools {
        /** A tool that has not answered after this long makes the agent say a short holding line, once. */
        @WithDefault("1.5s")
        Duration holdingDelay();

        /** A tool that has not answered after this long fails with an error output; the call goes on. */
        @WithDefault("10s")
        Duration timeout();

        /** First wait before an unreachable MCP server is tried again; each failed attempt doubles it. */
        @WithDefault("1s")
        Duration reconnectInterval();

        /** The longest wait between two attempts to reach an MCP server. */
        @WithDefault("30s")
        Duration reconnectMaxInterval();
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
