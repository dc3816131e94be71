package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.metrics.Exposition;
import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import dev.voiceagent.testsupport.process.ServiceForwarder;
import dev.voiceagent.testsupport.process.ServiceGroup;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A web session whose core is killed (SIGKILL) while the agent's answer still plays on the page: the gateway resumes
 * it on the other core (two cores sharing checkpoints in Redis behind a forwarder standing in for the Service), and
 * the page is told to stop the dead core's answer. That stop is not the user's barge-in: not counted as one, and
 * nothing is truncated in the new upstream session.
 */
class WebFailoverIT {

    private static final String INTERNAL_SECRET = "web-failover-internal-auth-secret";
    private static final String SECRET = "web-failover-session-reference-secret";

    private final Vertx vertx = Vertx.vertx();
    private final FakeRealtimeServer openAi = FakeRealtimeServer.start(vertx).expectApiKey("sk-web-failover");
    private final ServiceGroup services = new ServiceGroup(INTERNAL_SECRET);
    private ServiceForwarder service;

    @AfterEach
    void stop() {
        services.close();
        if (service != null) {
            service.close();
        }
        openAi.close();
        vertx.close();
    }

    private QuarkusServiceProcess core(String name) throws IOException {
        return core(name, "redis");
    }

    private QuarkusServiceProcess core(String name, String checkpoints) throws IOException {
        return services.start(name, "realtime-core", Map.of("openai.realtime-url", openAi.openAiUrl().toString(),
                "openai.api-key", "sk-web-failover", "core.session-ref.secret", SECRET,
                "voice.mcp.booking.url", "http://127.0.0.1:9/mcp", "core.checkpoint.store", checkpoints,
                "quarkus.redis.hosts", "redis://127.0.0.1:6379"));
    }

    @Test
    void aResumedSessionStopsTheLostCoresAnswerOnThePageWithoutABargeIn() throws Exception {
        QuarkusServiceProcess coreA = core("web-failover-core-a");
        QuarkusServiceProcess coreB = core("web-failover-core-b");
        service = new ServiceForwarder(vertx, List.of(coreA.port(), coreB.port()));
        QuarkusServiceProcess gateway = services.start("web-failover-gateway", "web-gateway",
                Map.of("web.core.url", service.url().toString()));

        try (WidgetClient widget = WidgetClient.connect(gateway.baseUrl(), "websocket")) {
            widget.send("SESSION_START", new JSONObject().put("sampleRate", 24000));
            widget.await("SESSION_START_SUCCESS");
            FakeRealtimeSession first = openAi.awaitSessions(1).get(0);
            widget.await("ASSISTANT_AUDIO_TRANSCRIPT"); // the greeting is over: the next answer is the only one
            byte[] tenSeconds = JavaClientConformanceTest.taggedPcm16(500, 960);
            String item = first.streamAssistantAudio(tenSeconds, 4800, Duration.ofMillis(100), "A long answer");
            await().atMost(Duration.ofSeconds(10)).until(() -> widget.audioOf(item).length >= 48_000);
            double bargeInsBefore = bargeIns(Exposition.scrape(gateway.baseUrl()));
            assertThat(widget.received("INTERRUPTED")).isEmpty();

            ProcessHandle.of(coreA.pid()).orElseThrow().destroyForcibly();

            JSONObject stop = (JSONObject) widget.await("INTERRUPTED").data();
            assertThat(stop.getString("itemId")).as("the dead core's answer stops").isEqualTo(item);
            assertThat(openAi.sessions()).as("sent once the other core restored the conversation").hasSize(2);
            FakeRealtimeSession resumed = openAi.session(1);
            assertThat(resumed.isConfigured()).isTrue();
            assertThat(widget.audioOf(item).length).isLessThan(tenSeconds.length);

            widget.send("USER_AUDIO_CHUNK", new byte[1920]);
            await().until(() -> resumed.inputAudio().length > 0);
            assertThat(widget.received("SESSION_ENDED")).as("the session goes on").isEmpty();
            assertThat(resumed.truncations()).as("the item was the lost session's: nothing to truncate").isEmpty();
            assertThat(resumed.violations()).isEmpty();
            assertThat(bargeIns(Exposition.scrape(gateway.baseUrl()))).as("not the user's barge-in")
                    .isEqualTo(bargeInsBefore);
        }
    }

    /**
     * The killed core kept its checkpoints in memory, so the other core begins the conversation afresh with the
     * channel's entry agent: the page, last told another agent spoke, hears which one speaks now.
     */
    @Test
    void aSessionBegunAfreshTellsThePageWhichAgentSpeaksNow() throws Exception {
        QuarkusServiceProcess coreA = core("web-fresh-core-a", "memory");
        QuarkusServiceProcess coreB = core("web-fresh-core-b", "memory");
        service = new ServiceForwarder(vertx, List.of(coreA.port(), coreB.port()));
        QuarkusServiceProcess gateway = services.start("web-fresh-gateway", "web-gateway",
                Map.of("web.core.url", service.url().toString()));

        try (WidgetClient widget = WidgetClient.connect(gateway.baseUrl(), "websocket")) {
            widget.send("SESSION_START", new JSONObject().put("sampleRate", 24000));
            String entry = ((JSONObject) widget.await("SESSION_START_SUCCESS").data()).getString("agent");
            openAi.awaitSessions(1).get(0).functionCall("transfer_to_hotel_booking", "{}");
            assertThat(((JSONObject) widget.await("AGENT_CHANGED").data()).getString("agent"))
                    .isEqualTo("hotel_booking").isNotEqualTo(entry);

            ProcessHandle.of(coreA.pid()).orElseThrow().destroyForcibly();

            await().atMost(Duration.ofSeconds(20)).until(() -> widget.received("AGENT_CHANGED").size() == 2);
            assertThat(((JSONObject) widget.received("AGENT_CHANGED").get(1).data()).getString("agent"))
                    .isEqualTo(entry);
            assertThat(openAi.sessions()).as("begun afresh on the other core").hasSize(2);
            assertThat(widget.received("SESSION_ENDED")).as("the session goes on").isEmpty();
        }
    }

    private static double bargeIns(Exposition metrics) {
        return metrics.sum("voice_web_barge_ins", "voice_web_barge_ins_total");
    }
}
