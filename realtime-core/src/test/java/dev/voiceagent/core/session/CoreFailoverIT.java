package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import dev.voiceagent.session.Role;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged cores sharing Redis; the one running a conversation is killed (kill -9) and the gateway resumes the
 * conversation on the other with its resume token: same conversation, same agent, the conversation so far told to
 * the new model session, audio flowing again.
 */
class CoreFailoverIT {

    private static final Logger LOG = Logger.getLogger(CoreFailoverIT.class);
    private static final String SECRET = "failover-test-shared-secret";

    private final Vertx vertx = Vertx.vertx();
    private final FakeRealtimeServer openAi = FakeRealtimeServer.start(vertx).expectApiKey("sk-failover")
            .sessionOptions(FakeRealtimeSession.Options.defaults().withoutAutomaticResponses());
    private QuarkusServiceProcess coreA;
    private QuarkusServiceProcess coreB;

    @AfterEach
    void stop() {
        for (QuarkusServiceProcess core : new QuarkusServiceProcess[] {coreA, coreB}) {
            if (core != null) {
                core.close();
            }
        }
        openAi.close();
        vertx.close();
    }

    private QuarkusServiceProcess core(String name) throws IOException {
        return QuarkusServiceProcess.start(name, QuarkusServiceProcess.runJarOf("realtime-core"), Map.of(
                "openai.realtime-url", openAi.openAiUrl().toString(), "openai.api-key", "sk-failover",
                "core.checkpoint.store", "redis", "quarkus.redis.hosts", "redis://127.0.0.1:6379",
                "core.session-ref.secret", SECRET, "voice.mcp.booking.url", "http://127.0.0.1:9/mcp",
                "internal-auth.secret", TestGateway.INTERNAL_SECRET), Map.of());
    }

    @Test
    void aConversationGoesOnOnTheOtherCoreAfterAKill9() throws Exception {
        coreA = core("failover-core-a");
        coreB = core("failover-core-b");
        SessionMessage.Start start = new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE, AudioCodec.PCMU,
                "+14155550199", "CA-failover", "MZ-failover", null, null, null, null);
        TestGateway onA = TestGateway.withStart(vertx, coreA.baseUrl(), start).awaitReady();
        SessionMessage.Ready ready = onA.awaitMessage(SessionMessage.Ready.class);
        FakeRealtimeSession first = openAi.session(0);
        first.functionCall("transfer_to_hotel_booking", "{}");
        onA.awaitMessage(SessionMessage.AgentChanged.class);
        first.userTranscript("A room in Lisbon for three nights");
        onA.awaitMessage(m -> m instanceof SessionMessage.Transcript t && t.role() == Role.USER);
        first.streamAssistantAudio(new byte[800], 800);
        onA.awaitMessage(SessionMessage.AudioDone.class);
        RedisAPI redis = RedisAPI.api(Redis.createClient(vertx, new RedisOptions()
                .setConnectionString("redis://127.0.0.1:6379")));
        String key = "voice:conversation:" + ready.conversationId();
        await().atMost(5, TimeUnit.SECONDS).until(() -> {
            var value = redis.get(key).toCompletionStage().toCompletableFuture().get();
            return value != null && value.toString().contains("Lisbon");
        });

        long killed = System.nanoTime();
        ProcessHandle.of(coreA.pid()).orElseThrow().destroyForcibly();
        await().atMost(5, TimeUnit.SECONDS).until(onA::isClosed);
        onA.close();
        SessionMessage.Start resume = new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE, AudioCodec.PCMU,
                "+14155550199", "CA-failover", "MZ-failover", null, null, null, ready.resumeToken());
        try (TestGateway onB = TestGateway.withStart(vertx, coreB.baseUrl(), resume).awaitReady()) {
            long readyMs = (System.nanoTime() - killed) / 1_000_000;
            SessionMessage.Ready resumed = onB.awaitMessage(SessionMessage.Ready.class);
            assertThat(resumed.conversationId()).isEqualTo(ready.conversationId());
            assertThat(resumed.agent()).isEqualTo("hotel_booking");
            FakeRealtimeSession second = openAi.session(1);
            assertThat(second.createdItems()).anySatisfy(item -> assertThat(item.path("content").path(0)
                    .path("text").asText()).isEqualTo("A room in Lisbon for three nights"));
            assertThat(second.violations()).isEmpty();
            onB.sendAudio(Base64.getEncoder().encodeToString(new byte[160]));
            await().until(() -> second.inputAudio().length == 160);
            LOG.infof("after kill -9 of the core: the conversation ready on the other core %d ms later (the "
                    + "gateway's reconnect included)", readyMs);
            onB.send(new SessionMessage.End("hangup"));
            await().atMost(5, TimeUnit.SECONDS).until(() -> redis.get(key).toCompletionStage().toCompletableFuture()
                    .get() == null);
        }
        assertThat(first.violations()).isEmpty();
    }
}
