package dev.voiceagent.web.e2e;

import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the web gateway under test talks to: the packaged realtime-core as its own JVM, connected to a strict fake
 * of OpenAI that the tests script, or with the init argument {@code provider=loopback} running its offline
 * loopback provider instead (no fake then). No MCP server runs; the core starts its agents without tools.
 */
public class VoiceSystemResource implements QuarkusTestResourceLifecycleManager {

    private static Vertx vertx;
    private static FakeRealtimeServer openAi;
    private static QuarkusServiceProcess core;
    private boolean loopback;

    /** The packaged core asks gateways for a credential signed with this; the gateway under test is given it too. */
    private static final String INTERNAL_SECRET = "web-test-internal-auth-secret";

    @Override
    public void init(Map<String, String> initArgs) {
        loopback = "loopback".equals(initArgs.get("provider"));
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> model;
        if (loopback) {
            openAi = null;
            model = Map.of("openai.provider", "loopback");
        } else {
            openAi = FakeRealtimeServer.start(vertx).expectApiKey("sk-web-test");
            model = Map.of("openai.realtime-url", openAi.openAiUrl().toString(), "openai.api-key", "sk-web-test");
        }
        Map<String, String> properties = new HashMap<>(model);
        properties.put("voice.mcp.booking.url", "http://127.0.0.1:9/mcp");
        properties.put("internal-auth.secret", INTERNAL_SECRET);
        try {
            core = QuarkusServiceProcess.start(loopback ? "web-core-loopback" : "web-core",
                    QuarkusServiceProcess.runJarOf("realtime-core"), properties, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("web.core.url", core.baseUrl().toString(), "internal-auth.secret", INTERNAL_SECRET);
    }

    public static FakeRealtimeServer openAi() {
        return openAi;
    }

    public static QuarkusServiceProcess core() {
        return core;
    }

    @Override
    public void stop() {
        if (core != null) {
            core.close();
        }
        if (openAi != null) {
            openAi.close();
        }
        if (vertx != null) {
            vertx.close();
        }
    }
}
