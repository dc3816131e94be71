package dev.voiceagent.core.session;

import dev.voiceagent.testsupport.mcp.FakeMcpServer;
import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Points the core at a fake OpenAI Realtime server and a fake MCP server offering the demo agents' booking
 * tools, for the duration of the tests.
 */
public class FakeOpenAiResource implements QuarkusTestResourceLifecycleManager {

    static final String SECRET = "test-session-ref-secret";
    static final String KNOWN_CALLER = "+14000000000";
    static final String KNOWN_CALLER_CONTEXT = "{\"customer\":\"Alex Doe\",\"booking\":\"HTL-4821\","
            + "\"checkIn\":\"2026-12-01\",\"checkOut\":\"2026-12-04\"}";
    /** Slower than the holding delay, faster than the tool timeout. */
    static final Duration SLOW_TOOL = Duration.ofMillis(800);
    static volatile FakeRealtimeServer fake;
    static volatile FakeMcpServer mcp;
    private final Vertx vertx = Vertx.vertx();
    private boolean azure;

    @Override
    public void setContext(Context context) {
        azure = AzureProviderTest.Profile.class.getName().equals(context.testProfile());
    }

    @Override
    public Map<String, String> start() {
        fake = FakeRealtimeServer.start().expectApiKey("sk-test");
        mcp = FakeMcpServer.start(vertx);
        for (String tool : List.of("search-flight", "book-flight", "search-car", "book-car", "get-booking",
                "cancel-booking")) {
            mcp.tool(tool, List.of(), List.of(), Duration.ZERO, args -> new FakeMcpServer.Answer("{}", false));
        }
        mcp.tool("book-hotel", List.of(), List.of(), SLOW_TOOL, args -> new FakeMcpServer.Answer("HTL-1234", false));
        mcp.tool("change-booking", List.of(), List.of(), Duration.ofSeconds(4),
                args -> new FakeMcpServer.Answer("too late", false));
        mcp.tool("search-hotel", List.of("city", "checkIn", "checkOut"), List.of("guests:integer"), Duration.ZERO,
                args -> args.path("city").asText().equals("Atlantis")
                        ? new FakeMcpServer.Answer("Unknown city Atlantis: ask the caller for another city", true)
                        : new FakeMcpServer.Answer("[{\"hotelId\":\"H1\",\"name\":\"Harbour Inn\"}]", false));
        mcp.tool("get_phone_session", List.of("phoneNumber"), List.of(), Duration.ZERO,
                args -> new FakeMcpServer.Answer(KNOWN_CALLER.equals(args.path("phoneNumber").asText())
                        ? KNOWN_CALLER_CONTEXT : "no session for this number", false));
        return Map.of(
                "openai.realtime-url", (azure ? fake.azureUrl() : fake.openAiUrl()).toString(),
                "openai.api-key", "sk-test",
                "core.session-ref.secret", SECRET,
                "core.prewarm-timeout", "5s",
                "voice.mcp.booking.url", mcp.url().toString(),
                "voice.tools.holding-delay", "300ms",
                "voice.tools.timeout", "2s");
    }

    @Override
    public void stop() {
        fake.close();
        mcp.close();
        vertx.close();
    }
}
