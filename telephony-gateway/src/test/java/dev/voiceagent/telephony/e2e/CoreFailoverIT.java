package dev.voiceagent.telephony.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import dev.voiceagent.session.CoreConnections;
import dev.voiceagent.session.InternalCredentials;
import dev.voiceagent.session.CoreConversation;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.testsupport.metrics.Exposition;
import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.testsupport.openai.RecordedEvent;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import dev.voiceagent.testsupport.process.ServiceForwarder;
import dev.voiceagent.testsupport.process.ServiceGroup;
import dev.voiceagent.testsupport.twilio.AudioSource;
import dev.voiceagent.testsupport.twilio.TwilioCallSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Core failover: two cores share their checkpoints in Redis behind one name (a forwarder standing in for the
 * Kubernetes Service), one gateway, ten calls pre-warmed on the first core. That core is killed with SIGKILL; every
 * call must go on on the other one, with the caller's audio reaching the model again within 2 s. And a call whose
 * checkpoint is lost with its core goes on too, begun afresh.
 */
class CoreFailoverIT {

    private static final String INTERNAL_SECRET = "failover-internal-auth-secret";

    private static final String TOKEN = "failover-test-auth-token";
    private static final String HOST = "voice.example.com";
    private static final String SECRET = "failover-session-reference-secret";
    private static final int CALLS = 10;

    private final Vertx vertx = Vertx.vertx();
    private final FakeRealtimeServer openAi = FakeRealtimeServer.start(vertx).expectApiKey("sk-failover");
    private final ServiceGroup services = new ServiceGroup(INTERNAL_SECRET);
    private ServiceForwarder service;
    private QuarkusServiceProcess coreA;
    private QuarkusServiceProcess coreB;

    @AfterEach
    void stop() {
        services.close();
        if (service != null) {
            service.close();
        }
        openAi.close();
        vertx.close();
    }

    private Map<String, String> core() {
        return Map.of("openai.realtime-url", openAi.openAiUrl().toString(),
                "openai.api-key", "sk-failover", "core.session-ref.secret", SECRET,
                "voice.mcp.booking.url", "http://127.0.0.1:9/mcp", "quarkus.redis.hosts", "redis://127.0.0.1:6379");
    }

    /** The two cores, with {@code checkpoints} as their store, behind the forwarder; returns the gateway using it. */
    private QuarkusServiceProcess deploy(String name, String checkpoints) throws Exception {
        Map<String, String> core = new HashMap<>(core());
        core.put("core.checkpoint.store", checkpoints);
        coreA = services.start(name + "-core-a", "realtime-core", core);
        coreB = services.start(name + "-core-b", "realtime-core", core);
        service = new ServiceForwarder(vertx, List.of(coreA.port(), coreB.port()));
        QuarkusServiceProcess gateway = services.start(name + "-gateway", "telephony-gateway", Map.of(
                "core.url", service.url().toString(), "core.session-ref.secret", SECRET, "twilio.auth-token", TOKEN,
                "twilio.media-stream-url", "wss://" + HOST + "/media-stream"));
        warmUp(coreB);
        return gateway;
    }

    @Test
    void tenCallsGoOnOnTheOtherCoreWhenTheirCoreIsKilled() throws Exception {
        QuarkusServiceProcess gateway = deploy("failover", "redis");

        List<TwilioCallSimulator> calls = new ArrayList<>();
        for (int n = 0; n < CALLS; n++) {
            TwilioCallSimulator call = call(gateway, caller(n), n + 1);
            call.placeCall().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            calls.add(call);
        }
        List<FakeRealtimeSession> before = new ArrayList<>();
        for (int n = 0; n < CALLS; n++) {
            String from = caller(n);
            before.add(await().until(() -> sessionsOf(from).stream()
                    .filter(s -> s.inputAudio().length >= 10 * AudioSource.FRAME_BYTES).findFirst().orElse(null),
                    s -> s != null));
        }

        long killedNanos = System.nanoTime();
        ProcessHandle.of(coreA.pid()).orElseThrow().destroyForcibly();

        List<Long> gapsMillis = new ArrayList<>();
        List<Long> framesLost = new ArrayList<>();
        List<FakeRealtimeSession> after = new ArrayList<>();
        for (int n = 0; n < CALLS; n++) {
            String from = caller(n);
            FakeRealtimeSession resumed = await().atMost(Duration.ofSeconds(5))
                    .until(() -> openedSince(from, killedNanos).stream().findFirst().orElse(null),
                            s -> s != null && s.inputAudio().length > 0);
            after.add(resumed);
            RecordedEvent firstAudio = resumed.received().stream()
                    .filter(e -> e.type().equals("input_audio_buffer.append")).findFirst().orElseThrow();
            gapsMillis.add((firstAudio.nanoTime() - killedNanos) / 1_000_000);
            byte[] oldAudio = before.get(n).inputAudio();
            long lastBefore = AudioSource.readTag(oldAudio, oldAudio.length / AudioSource.FRAME_BYTES - 1)[1];
            long[] firstAfter = AudioSource.readTag(resumed.inputAudio(), 0);
            assertThat(firstAfter[0]).as("the right call's audio").isEqualTo(n + 1);
            framesLost.add(firstAfter[1] - lastBefore - 1);
        }
        System.out.printf("failover: caller audio reached the model again %s ms after kill -9 (per call); frames lost "
                + "per call %s%n", gapsMillis, framesLost);
        assertThat(gapsMillis).allSatisfy(gap -> assertThat(gap).isLessThan(2_000));

        int[] heard = after.stream().mapToInt(s -> s.inputAudio().length).toArray();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            for (int n = 0; n < CALLS; n++) {
                if (after.get(n).inputAudio().length < heard[n] + 25 * AudioSource.FRAME_BYTES) {
                    return false;
                }
            }
            return true;
        });
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.isClosed()).as("the call goes on").isFalse();
            assertThat(call.violations()).isEmpty();
        });
        for (int n = 0; n < CALLS; n++) {
            assertThat(openedSince(caller(n), killedNanos)).as("one new upstream session per call").hasSize(1);
        }
    }

    /**
     * The checkpoints died with their core (kept in its memory, as a store emptied, or a checkpoint never written or
     * expired, leaves a genuine resume token with nothing to restore): the call still goes on, begun afresh on the
     * other core with the entry agent, whose model is told the earlier part was lost, and hears the caller's audio
     * from the kill on, which the gateway held.
     */
    @Test
    void aCallWhoseCheckpointIsLostGoesOnAfresh() throws Exception {
        QuarkusServiceProcess gateway = deploy("lost-checkpoint", "memory");
        String from = caller(CALLS);
        TwilioCallSimulator call = call(gateway, from, 1);
        call.placeCall().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        await().until(() -> sessionsOf(from).stream()
                .anyMatch(s -> s.inputAudio().length >= 10 * AudioSource.FRAME_BYTES));

        long killedNanos = System.nanoTime();
        ProcessHandle dying = ProcessHandle.of(coreA.pid()).orElseThrow();
        dying.destroyForcibly();
        dying.onExit().get(5, TimeUnit.SECONDS);
        // What went to the core until it was gone died with it; from then on the gateway holds the caller's audio.
        long sentByDeath = call.mediaFramesSent();

        FakeRealtimeSession afresh = await().atMost(Duration.ofSeconds(5))
                .until(() -> openedSince(from, killedNanos).stream().findFirst().orElse(null),
                        s -> s != null && s.inputAudio().length > 0);
        assertThat(afresh.sessionConfig().path("instructions").asText())
                .contains("You are the front desk of a travel agency, answering a phone call")
                .contains("It was lost through a technical problem on our side")
                .contains("briefly apologise for it and ask the person to repeat what they need");
        assertThat(afresh.createdItems()).as("nothing was restored").isEmpty();
        await().until(() -> !afresh.received("response.create").isEmpty()); // the model greets, with the apology

        int heardBefore = afresh.inputAudio().length / AudioSource.FRAME_BYTES;
        await().atMost(Duration.ofSeconds(5)).until(() -> afresh.inputAudio().length
                >= (heardBefore + 25) * AudioSource.FRAME_BYTES);
        byte[] audio = afresh.inputAudio();
        long firstAfter = AudioSource.readTag(audio, 0)[1];
        assertThat(firstAfter).as("the caller's audio from the core's death on, held by the gateway, reached it")
                .isLessThanOrEqualTo(sentByDeath + 2);
        for (int frame = 0; frame < audio.length / AudioSource.FRAME_BYTES; frame++) {
            assertThat(AudioSource.readTag(audio, frame)).as("frame %d: the caller's, in order, none missing", frame)
                    .containsExactly(1, firstAfter + frame);
        }
        assertThat(call.isClosed()).as("the caller is not hung up").isFalse();
        assertThat(call.violations()).isEmpty();
        assertThat(openedSince(from, killedNanos)).as("one new upstream session").hasSize(1);
        assertThat(Exposition.scrape(coreB.baseUrl()).family("voice_core_resumes").samples())
                .filteredOn(sample -> "fresh".equals(sample.labels().get("outcome")))
                .singleElement().extracting(Exposition.Sample::value).isEqualTo(1.0);
    }

    /**
     * One short conversation straight on {@code core}, as the second core of a deployment has had before the first
     * dies: the failover then measures resuming, not a cold JVM's first conversation.
     */
    private void warmUp(QuarkusServiceProcess core) throws Exception {
        try (CoreConnections connections = new CoreConnections(vertx,
                InternalCredentials.forCore(Optional.of(INTERNAL_SECRET)))) {
            CompletableFuture<SessionMessage.Ready> ready = new CompletableFuture<>();
            CompletableFuture<CoreConversation> opened = new CompletableFuture<>();
            vertx.getOrCreateContext().runOnContext(v -> connections.open(core.baseUrl(),
                    new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE, AudioCodec.PCMU, "+14155550999",
                            "CAwarmup", "MZwarmup", null, null, null, null),
                    new CoreConversation.Listener() {
                        @Override
                        public void onMessage(SessionMessage.FromCore message) {
                            if (message instanceof SessionMessage.Ready r) {
                                ready.complete(r);
                            }
                        }

                        @Override
                        public void onAudio(Buffer base64Audio) {
                        }

                        @Override
                        public void onClosed() {
                        }
                    }).onSuccess(opened::complete).onFailure(opened::completeExceptionally));
            CoreConversation conversation = opened.get(10, TimeUnit.SECONDS);
            ready.get(10, TimeUnit.SECONDS);
            conversation.send(new SessionMessage.End("stop"));
            conversation.close();
        }
    }

    private static String caller(int n) {
        return "+1415555" + String.format("%04d", 300 + n);
    }

    private TwilioCallSimulator call(QuarkusServiceProcess gateway, String from, int tag) {
        URI stream = URI.create("ws://127.0.0.1:" + gateway.port() + "/media-stream");
        return new TwilioCallSimulator(vertx, new TwilioCallSimulator.Call(gateway.baseUrl().resolve("/incoming-call"),
                "https://" + HOST + "/incoming-call", TOKEN, from, "CA" + Long.toHexString(System.nanoTime()),
                publicUrl -> stream, AudioSource.tagged(tag)));
    }

    /** The upstream sessions of one caller configured after {@code nanoTime}. */
    private List<FakeRealtimeSession> openedSince(String from, long nanoTime) {
        return sessionsOf(from).stream().filter(s -> s.isConfigured() && s.configuredAtNanos() > nanoTime).toList();
    }

    /** The upstream sessions of one caller, in the order they were opened (their instructions name the caller). */
    private List<FakeRealtimeSession> sessionsOf(String from) {
        return openAi.sessions().stream()
                .filter(s -> s.received("session.update").stream()
                        .anyMatch(u -> u.path("session").path("instructions").asText().contains(from)))
                .toList();
    }
}
