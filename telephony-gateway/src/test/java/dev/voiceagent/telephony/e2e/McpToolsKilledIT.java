package dev.voiceagent.telephony.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import dev.voiceagent.testsupport.twilio.AudioSource;
import dev.voiceagent.testsupport.twilio.TwilioCallSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * mcp-tools killed (kill -9) during a phone call, with the packaged services: the model's next tool call gets an
 * output it can relay to the caller, the call goes on, the core's health shows the server down; a new mcp-tools at
 * the same address is found again without a restart of the core. The core reaches mcp-tools through a TCP relay, so
 * the new process can sit behind the same address, as a restarted pod behind its Service.
 */
class McpToolsKilledIT {

    private static final String INTERNAL_SECRET = "mcp-killed-internal-secret";
    private static final String MCP_TOKEN = "mcp-killed-token";
    private static final String AUTH_TOKEN = "mcp-killed-twilio-token";
    private static final String HOST = "voice.example.com";
    private static final String SEARCH = "{\"city\":\"Toronto\",\"checkIn\":\"%s\",\"checkOut\":\"%s\",\"guests\":2}";

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile int mcpPort;

    private QuarkusServiceProcess startMcpTools(Path database) throws Exception {
        QuarkusServiceProcess mcp = QuarkusServiceProcess.start("mcp-killed-tools", QuarkusServiceProcess.runJarOf(
                "mcp-tools"), Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE",
                "mcp-auth.tokens", MCP_TOKEN), Map.of());
        mcpPort = mcp.port();
        return mcp;
    }

    /** Relays each connection to whichever mcp-tools runs now. */
    private NetServer relay() throws Exception {
        return vertx.createNetServer().connectHandler(client -> {
            client.pause();
            vertx.createNetClient().connect(mcpPort, "127.0.0.1").onSuccess(server -> {
                pipe(client, server);
                pipe(server, client);
                client.resume();
            }).onFailure(failure -> client.close());
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static void pipe(NetSocket from, NetSocket to) {
        from.handler(to::write);
        from.closeHandler(v -> to.close());
        from.exceptionHandler(e -> to.close());
    }

    private String health(QuarkusServiceProcess core) throws Exception {
        return http.send(HttpRequest.newBuilder(core.baseUrl().resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String booking(String state) {
        return "(?s).*\"booking\"\\s*:\\s*\"" + state + "\".*";
    }

    private static String toolOutput(FakeRealtimeSession session, String callId) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> session.received("conversation.item.create").stream()
                .filter(event -> event.path("item").path("call_id").asText().equals(callId))
                .map(event -> event.path("item").path("output").asText()).findFirst().orElse(null), o -> o != null);
    }

    @Test
    void theCallGoesOnAndTheModelHearsWhatFailed() throws Exception {
        Path database = Files.createDirectories(Path.of("target", "e2e-db")).toAbsolutePath().resolve("mcp-killed");
        FakeRealtimeServer openAi = FakeRealtimeServer.start(vertx).expectApiKey("sk-mcp-killed");
        openAi.sessionOptions(FakeRealtimeSession.Options.defaults().withoutAutomaticResponses());
        QuarkusServiceProcess mcp = startMcpTools(database);
        NetServer relay = relay();
        QuarkusServiceProcess core = null;
        QuarkusServiceProcess gateway = null;
        try {
            core = QuarkusServiceProcess.start("mcp-killed-core", QuarkusServiceProcess.runJarOf("realtime-core"), Map.of(
                    "openai.realtime-url", openAi.openAiUrl().toString(), "openai.api-key", "sk-mcp-killed",
                    "voice.mcp.booking.url", "http://127.0.0.1:" + relay.actualPort() + "/mcp",
                    "voice.mcp.booking.token", MCP_TOKEN, "voice.tools.reconnect-max-interval", "2s",
                    "internal-auth.secret", INTERNAL_SECRET), Map.of());
            gateway = QuarkusServiceProcess.start("mcp-killed-gateway", QuarkusServiceProcess.runJarOf(
                    "telephony-gateway"), Map.of("core.url", core.baseUrl().toString(), "twilio.auth-token", AUTH_TOKEN,
                    "twilio.media-stream-url", "wss://" + HOST + "/media-stream", "internal-auth.secret", INTERNAL_SECRET),
                    Map.of());
            QuarkusServiceProcess runningCore = core;
            URI stream = URI.create("ws://127.0.0.1:" + gateway.port() + "/media-stream");
            TwilioCallSimulator call = new TwilioCallSimulator(vertx, new TwilioCallSimulator.Call(
                    gateway.baseUrl().resolve("/incoming-call"), "https://" + HOST + "/incoming-call", AUTH_TOKEN,
                    "+14155550199", "CA" + Long.toHexString(System.nanoTime()), publicUrl -> stream,
                    AudioSource.tagged(3)));
            call.placeCall().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
            FakeRealtimeSession session = openAi.awaitSessions(1).get(0);
            await().until(session::isConfigured);
            String arguments = SEARCH.formatted(LocalDate.now().plusDays(7), LocalDate.now().plusDays(9));

            session.functionCall("transfer_to_hotel_booking", "{}");
            await().until(() -> session.received("session.update").size() >= 2);
            assertThat(toolOutput(session, session.functionCall("search-hotel", arguments))).doesNotStartWith("Error");

            ProcessHandle.of(mcp.pid()).ifPresent(ProcessHandle::destroyForcibly); // kill -9
            await().until(() -> !mcp.isAlive());
            String failed = toolOutput(session, session.functionCall("search-hotel", arguments));
            assertThat(failed).startsWith("Error: the booking system is not answering right now").doesNotContain("null");
            assertThat(health(core)).as("down from the first failed call").matches(booking("unreachable"));
            int heard = session.inputAudio().length;
            await().until(() -> session.inputAudio().length > heard + 10 * AudioSource.FRAME_BYTES); // the call goes on
            assertThat(call.isClosed()).isFalse();

            QuarkusServiceProcess restarted = startMcpTools(database);
            try {
                await().atMost(Duration.ofSeconds(15)).until(() -> health(runningCore).matches(booking("reachable")));
                assertThat(toolOutput(session, session.functionCall("search-hotel", arguments))).doesNotStartWith("Error");
            } finally {
                restarted.close();
            }
            assertThat(session.violations()).isEmpty();
            call.hangUp();
        } finally {
            for (QuarkusServiceProcess service : new QuarkusServiceProcess[] {gateway, core, mcp}) {
                if (service != null) {
                    service.close();
                }
            }
            relay.close();
            openAi.close();
            vertx.close();
        }
    }
}
