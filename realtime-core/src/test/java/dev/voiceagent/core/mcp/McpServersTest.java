package dev.voiceagent.core.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.agents.Agent;
import dev.voiceagent.agents.AgentGraph;
import dev.voiceagent.agents.ToolReference;
import dev.voiceagent.core.metrics.CoreMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.voiceagent.testsupport.mcp.FakeMcpServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Start-up checks of the agent graph against the MCP servers, and life without an unreachable server. */
class McpServersTest {

    private final Vertx vertx = Vertx.vertx();
    private final FakeMcpServer mcp = FakeMcpServer.start(vertx)
            .tool("search-hotel", List.of("city"), List.of(), Duration.ZERO, args -> new FakeMcpServer.Answer("[]", false));

    @AfterEach
    void close() {
        mcp.close();
        vertx.close();
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private McpServers servers(Map<String, URI> urls, String server, String tool) {
        return servers(urls, server, tool, Optional.empty());
    }

    private McpServers servers(Map<String, URI> urls, String server, String tool, Optional<String> token) {
        AgentGraph graph = new AgentGraph(List.of(new Agent("front", "d", "i",
                List.of(new ToolReference(server, tool)), List.of())), Map.of("phone", "front"));
        return new McpServers(config(urls, token), graph, vertx, new CoreMetrics(registry));
    }

    private double up(String server) {
        return registry.get("voice.core.mcp.server.up").tag("server", server).gauge().value();
    }

    @Test
    void aServerThatDiesAnswersTheNextCallInWordsIsDownAtOnceAndUpWhenItIsBack() throws Exception {
        int port = mcp.url().getPort();
        McpServers servers = servers(Map.of("booking", mcp.url()), "booking", "search-hotel");
        servers.start(null);
        assertThat(up("booking")).isEqualTo(1);
        mcp.close();

        ToolOutcome outcome = servers.call(new ToolReference("booking", "search-hotel"), "{\"city\":\"Paris\"}")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(outcome.isError()).isTrue();
        assertThat(outcome.forModel()).startsWith("Error: the booking system is not answering right now")
                .doesNotContain("null");
        assertThat(servers.status()).as("down from the first failed call").containsEntry("booking", false);
        assertThat(up("booking")).isZero();

        FakeMcpServer back = FakeMcpServer.start(vertx, port)
                .tool("search-hotel", List.of("city"), List.of(), Duration.ZERO, a -> new FakeMcpServer.Answer("[]", false));
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> servers.status().get("booking"));
            assertThat(up("booking")).isEqualTo(1);
            assertThat(servers.call(new ToolReference("booking", "search-hotel"), "{\"city\":\"Paris\"}")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(new ToolOutcome("[]", false));
        } finally {
            back.close();
        }
    }

    @Test
    void aToolErrorIsTheToolsAnswerAndLeavesTheServerUp() throws Exception {
        mcp.tool("book-hotel", List.of(), List.of(), Duration.ZERO,
                a -> new FakeMcpServer.Answer("Unknown hotel: ask the caller again", true));
        McpServers servers = servers(Map.of("booking", mcp.url()), "booking", "book-hotel");
        servers.start(null);
        ToolOutcome outcome = servers.call(new ToolReference("booking", "book-hotel"), "{}")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(outcome.forModel()).isEqualTo("Error: Unknown hotel: ask the caller again");
        assertThat(servers.status()).containsEntry("booking", true);
        assertThat(up("booking")).isEqualTo(1);
    }

    @Test
    void theConfiguredTokenGoesWithEveryRequest() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer refusing = vertx.createHttpServer().requestHandler(request -> {
            seen.add(String.valueOf(request.getHeader("Authorization")));
            request.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").end();
        }).listen(0).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        try {
            McpServers servers = servers(Map.of("booking", URI.create("http://127.0.0.1:" + refusing.actualPort() + "/mcp")),
                    "booking", "search-hotel", Optional.of("core-token"));
            servers.start(null);
            assertThat(seen).isNotEmpty().allMatch("Bearer core-token"::equals);
            assertThat(servers.status()).as("a refused client has no tools").containsEntry("booking", false);
        } finally {
            refusing.close();
        }
    }

    @Test
    void aToolTheServerDoesNotOfferStopsStartUpByName() {
        McpServers servers = servers(Map.of("booking", mcp.url()), "booking", "teleport");
        assertThatThrownBy(() -> servers.start(null)).hasMessageContaining("'teleport'").hasMessageContaining("'front'");
    }

    @Test
    void aToolOfAnUnconfiguredServerStopsStartUpByName() {
        McpServers servers = servers(Map.of("booking", mcp.url()), "weather", "forecast");
        assertThatThrownBy(() -> servers.start(null)).hasMessageContaining("'weather'");
    }

    @Test
    void anUnreachableServerLeavesTheAgentsWithoutItsToolsAndSaysSo() {
        McpServers servers = servers(Map.of("booking", URI.create("http://127.0.0.1:9/mcp")), "booking", "search-hotel");
        servers.start(null);
        assertThat(servers.tool(new ToolReference("booking", "search-hotel"))).isEmpty();
        assertThat(servers.status()).containsEntry("booking", false);
    }

    @Test
    void aServerThatComesBackLendsItsToolsAgain() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        McpServers servers = servers(Map.of("booking", URI.create("http://127.0.0.1:" + port + "/mcp")),
                "booking", "search-hotel");
        servers.start(null);
        assertThat(servers.status()).containsEntry("booking", false);
        FakeMcpServer late = FakeMcpServer.start(vertx, port)
                .tool("search-hotel", List.of("city"), List.of(), Duration.ZERO, a -> new FakeMcpServer.Answer("[]", false));
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> servers.tool(new ToolReference("booking", "search-hotel")).isPresent());
            assertThat(servers.status()).containsEntry("booking", true);
        } finally {
            late.close();
        }
    }

    @Test
    void aReachableServerLendsItsTools() {
        McpServers servers = servers(Map.of("booking", mcp.url()), "booking", "search-hotel");
        servers.start(null);
        assertThat(servers.tool(new ToolReference("booking", "search-hotel"))).isPresent();
        assertThat(servers.status()).containsEntry("booking", true);
    }

    private static ToolsConfig config(Map<String, URI> urls, Optional<String> token) {
        return new ToolsConfig() {
            @Override
            public Map<String, McpServer> mcp() {
                return urls.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        entry -> new McpServer() {
                            @Override
                            public URI url() {
                                return entry.getValue();
                            }

                            @Override
                            public Duration connectTimeout() {
                                return Duration.ofSeconds(2);
                            }

                            @Override
                            public Optional<String> token() {
                                return token;
                            }
                        }));
            }

            @Override
            public Tools tools() {
                return new Tools() {
                    @Override
                    public Duration holdingDelay() {
                        return Duration.ofMillis(1500);
                    }

                    @Override
                    public Duration timeout() {
                        return Duration.ofSeconds(10);
                    }

                    @Override
                    public Duration reconnectInterval() {
                        return Duration.ofMillis(200);
                    }

                    @Override
                    public Duration reconnectMaxInterval() {
                        return Duration.ofMillis(400);
                    }
                };
            }

            @Override
            public PhoneSession phoneSession() {
                return new PhoneSession() {
                    @Override
                    public String server() {
                        return "booking";
                    }

                    @Override
                    public String tool() {
                        return "get_phone_session";
                    }

                    @Override
                    public Duration timeout() {
                        return Duration.ofSeconds(1);
                    }
                };
            }
        };
    }
}
