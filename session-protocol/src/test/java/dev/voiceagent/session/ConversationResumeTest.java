package dev.voiceagent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A conversation outlives its socket: killed mid-call, it is resumed on the configured core with its resume
 * token, holding the caller's audio meanwhile; without a token, or when the core cannot restore it, it ends.
 */
class ConversationResumeTest {

    private final Vertx vertx = Vertx.vertx();
    /** The core that pre-warmed the call (named by its reference), and the one the Service routes to after. */
    private final FakeCore prewarming = FakeCore.start(vertx, "a");
    private final FakeCore service = FakeCore.start(vertx, "b");
    private final List<ResumeOutcome> outcomes = new CopyOnWriteArrayList<>();
    private CoreConnections connections = connections(Duration.ofSeconds(5));

    private CoreConnections connections(Duration window) {
        CoreConnections made = new CoreConnections(vertx, () -> null,
                new ResumePolicy(window, Duration.ofMillis(20), Duration.ofMillis(100)));
        made.observeResumes(outcomes::add);
        return made;
    }

    /** Everything one conversation's listener is told, in order. */
    private static final class Heard implements CoreConversation.Listener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(SessionMessage.FromCore message) {
            events.add(switch (message) {
                case SessionMessage.Ready ready -> "ready " + ready.conversationId();
                case SessionMessage.Error error -> "error " + error.code();
                case SessionMessage.End end -> "end " + end.reason();
                default -> message.toString();
            });
        }

        @Override
        public void onAudio(Buffer base64Audio) {
        }

        @Override
        public void onClosed() {
            events.add("closed");
        }

        @Override
        public void onResumed(SessionMessage.Ready ready) {
            events.add("resumed " + ready.conversationId());
        }
    }

    @AfterEach
    void stop() throws Exception {
        connections.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private CoreConversation open(URI core, URI resumeCore, String callId, Heard heard) throws Exception {
        Promise<CoreConversation> opened = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> connections.open(core, resumeCore,
                new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE, AudioCodec.PCMU, "+14155550100",
                        callId, "MZ" + callId, "prewarm-ref", "00-trace-01", null, null), heard)
                .onComplete(opened));
        CoreConversation conversation = opened.future().toCompletionStage().toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        await().until(() -> heard.events.contains("ready a-" + callId));
        return conversation;
    }

    private static Buffer frame(int n) {
        return Buffer.buffer("frame" + n + "=");
    }

    @Test
    void aCallWhoseCoreDiesGoesOnOnTheServiceWithItsAudioInOrder() throws Exception {
        Heard heard = new Heard();
        CoreConversation call = open(prewarming.url(), service.url(), "CA1", heard);
        call.sendAudio(frame(1));
        await().until(() -> prewarming.audioOf(0, 1).size() == 1);
        Promise<Void> gate = Promise.promise();
        service.readyGate = gate;

        prewarming.kill();
        await().until(() -> service.received.stream().anyMatch(FakeCore.Received::isStart));
        for (int n = 2; n <= 5; n++) {
            call.sendAudio(frame(n));
        }
        call.send(new SessionMessage.Dtmf("7"));
        call.send(new SessionMessage.PlaybackInterrupted(List.of(new SessionMessage.HeardItem("item_old", 120))));
        await().during(Duration.ofMillis(200)).until(() -> service.audioOf(0, 1).isEmpty());
        gate.complete();

        await().until(() -> heard.events.contains("resumed b-CA1"));
        call.sendAudio(frame(6));
        await().until(() -> service.audioOf(0, 1).size() == 5);
        assertThat(service.audioOf(0, 1)).extracting(FakeCore.Received::payload)
                .containsExactly("frame2=", "frame3=", "frame4=", "frame5=", "frame6=");
        SessionMessage.Start resumed = (SessionMessage.Start) SessionCodec.decode(
                Buffer.buffer(service.received.get(0).payload()));
        assertThat(resumed.resume()).isEqualTo("a-token-CA1-0");
        assertThat(resumed.sessionRef()).as("the pre-warmed session died with its core").isNull();
        assertThat(resumed).usingRecursiveComparison().ignoringFields("resume", "sessionRef")
                .isEqualTo(new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE, AudioCodec.PCMU,
                        "+14155550100", "CA1", "MZCA1", null, "00-trace-01", null, null));
        assertThat(service.received).filteredOn(r -> r.kind() == 'C').extracting(FakeCore.Received::payload)
                .as("dtmf waits for the new core; playback of the lost session is not reported")
                .containsExactly(service.received.get(0).payload(), "{\"type\":\"dtmf\",\"digit\":\"7\"}");
        assertThat(heard.events).containsExactly("ready a-CA1", "resumed b-CA1");
        assertThat(outcomes).containsExactly(ResumeOutcome.RESUMED);

        call.send(new SessionMessage.End("stop"));
        call.close();
        await().until(() -> heard.events.contains("closed"));
        assertThat(service.received).last().isEqualTo(new FakeCore.Received(0, 1, 'X', ""));
    }

    @Test
    void everyCallOnTheLostSocketIsResumedAndAConversationEndedBeforeIsNot() throws Exception {
        Heard first = new Heard();
        Heard second = new Heard();
        Heard ended = new Heard();
        open(prewarming.url(), service.url(), "CA1", first);
        open(prewarming.url(), service.url(), "CA2", second);
        CoreConversation hangingUp = open(prewarming.url(), service.url(), "CA3", ended);
        hangingUp.send(new SessionMessage.End("stop"));
        await().until(() -> prewarming.received.size() == 4);

        prewarming.kill();
        await().until(() -> first.events.contains("resumed b-CA1") && second.events.contains("resumed b-CA2")
                && ended.events.contains("closed"));
        assertThat(service.sockets).as("one socket per event loop, as before").hasSize(1);
        assertThat(service.sent).containsExactlyInAnyOrder("ready CA1 resumed", "ready CA2 resumed");
        assertThat(first.events).doesNotContain("closed");
    }

    @Test
    void aGoodbyeAskedOfTheLostCoreIsAskedOfTheOneThatResumesTheCall() throws Exception {
        Heard heard = new Heard();
        CoreConversation call = open(prewarming.url(), service.url(), "CA1", heard);
        call.send(new SessionMessage.End(SessionMessage.End.DRAIN));
        await().until(() -> prewarming.received.size() == 2);

        prewarming.kill();
        await().until(() -> heard.events.contains("resumed b-CA1"));
        await().until(() -> service.received.size() == 2);
        assertThat(service.received.get(1).payload()).isEqualTo("{\"type\":\"end\",\"reason\":\"drain\"}");
    }

    @Test
    void aCoreThatCannotRestoreTheConversationEndsIt() throws Exception {
        Heard heard = new Heard();
        open(prewarming.url(), service.url(), "CA1", heard);
        service.resumeAnswer = FakeCore.ResumeAnswer.RESUME_FAILED;

        prewarming.kill();
        await().until(() -> heard.events.contains("closed"));
        assertThat(heard.events).containsExactly("ready a-CA1", "error resume_failed", "end resume_failed", "closed");
        assertThat(outcomes).containsExactly(ResumeOutcome.REFUSED);
    }

    @Test
    void withoutAResumeTokenTheCallEndsWithItsSocket() throws Exception {
        prewarming.issueTokens = false;
        Heard heard = new Heard();
        open(prewarming.url(), service.url(), "CA1", heard);

        prewarming.kill();
        await().until(() -> heard.events.contains("closed"));
        assertThat(heard.events).containsExactly("ready a-CA1", "closed");
        assertThat(service.sockets).isEmpty();
        assertThat(outcomes).containsExactly(ResumeOutcome.NO_TOKEN);
    }

    @Test
    void whenNoCoreAnswersWithinTheWindowTheCallEnds() throws Exception {
        connections.close();
        connections = connections(Duration.ofMillis(400));
        Heard heard = new Heard();
        CoreConversation call = open(prewarming.url(), service.url(), "CA1", heard);
        service.kill();

        prewarming.kill();
        call.sendAudio(frame(1));
        await().atMost(Duration.ofSeconds(3)).until(() -> heard.events.contains("closed"));
        service.restart();
        await().during(Duration.ofMillis(300)).until(() -> service.sockets.isEmpty());
        assertThat(heard.events).containsExactly("ready a-CA1", "closed");
        assertThat(outcomes).containsExactly(ResumeOutcome.TIMED_OUT);
    }

    @Test
    void aCallWithoutAPrewarmingCoreIsResumedWhereItWasOpened() throws Exception {
        Heard heard = new Heard();
        Promise<CoreConversation> opened = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> connections.open(prewarming.url(),
                new SessionMessage.Start(SessionMessage.VERSION, Channel.WEB, AudioCodec.PCM16, null, "W1", null,
                        null, null, null, null), heard).onComplete(opened));
        opened.future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        await().until(() -> heard.events.contains("ready a-W1"));

        prewarming.kill();
        prewarming.restart();
        await().until(() -> heard.events.contains("resumed a-W1"));
        assertThat(prewarming.sockets).hasSize(2);
    }
}
