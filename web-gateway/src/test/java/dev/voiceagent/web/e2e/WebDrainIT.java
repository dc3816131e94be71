package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to a web gateway: it turns not-ready and refuses new sessions while the active one goes on; when the grace
 * period ends, the core says goodbye on it and the widget is told the session ended, then the gateway exits.
 */
class WebDrainIT {

    private static final String INTERNAL_SECRET = "web-drain-internal-auth-secret";

    private final Vertx vertx = Vertx.vertx();
    private final FakeRealtimeServer openAi = FakeRealtimeServer.start(vertx).expectApiKey("sk-web-drain");
    private final HttpClient http = HttpClient.newHttpClient();
    private QuarkusServiceProcess core;
    private QuarkusServiceProcess gateway;

    @AfterEach
    void stop() {
        for (QuarkusServiceProcess service : new QuarkusServiceProcess[] {gateway, core}) {
            if (service != null) {
                service.close();
            }
        }
        openAi.close();
        vertx.close();
    }

    private int readiness() throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.baseUrl().resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aDrainingGatewayRefusesNewSessionsAndEndsTheLastOneWithAGoodbye() throws Exception {
        core = QuarkusServiceProcess.start("web-drain-core", QuarkusServiceProcess.runJarOf("realtime-core"), Map.of(
                "openai.realtime-url", openAi.openAiUrl().toString(), "openai.api-key", "sk-web-drain",
                "voice.mcp.booking.url", "http://127.0.0.1:9/mcp", "internal-auth.secret", INTERNAL_SECRET), Map.of());
        gateway = QuarkusServiceProcess.start("web-drain-gateway", QuarkusServiceProcess.runJarOf("web-gateway"),
                Map.of("web.core.url", core.baseUrl().toString(), "voice.drain.grace-period", "3s",
                        "internal-auth.secret", INTERNAL_SECRET), Map.of());
        URI url = gateway.baseUrl();
        try (WidgetClient active = WidgetClient.connect(url, "websocket");
                WidgetClient late = WidgetClient.connect(url, "websocket")) {
            active.send("SESSION_START", new JSONObject().put("sampleRate", 24000));
            active.await("SESSION_START_SUCCESS");
            FakeRealtimeSession upstream = openAi.awaitSessions(1).get(0);

            gateway.terminate();

            await().until(() -> readiness() == 503);
            late.send("SESSION_START", new JSONObject().put("sampleRate", 24000));
            assertThat(((JSONObject) late.await("SESSION_START_ERROR").data()).getString("reason")).contains("restarting");
            int before = upstream.inputAudio().length;
            active.send("USER_AUDIO_CHUNK", new byte[1920]);
            await().until(() -> upstream.inputAudio().length > before);

            await().atMost(Duration.ofSeconds(15)).until(() -> !active.received("SESSION_ENDED").isEmpty());
            assertThat(upstream.received("response.create")).as("the goodbye was asked for")
                    .anyMatch(create -> create.path("response").path("instructions").asText().contains("end the call now"));
            await().atMost(Duration.ofSeconds(15)).until(() -> !gateway.isAlive());
            assertThat(Files.readString(gateway.log())).contains("grace period over: saying goodbye on 1 web sessions");
            assertThat(openAi.sessions()).as("the refused session never reached the model").hasSize(1);
        }
    }
}
