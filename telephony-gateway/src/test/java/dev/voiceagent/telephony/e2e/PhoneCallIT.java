package dev.voiceagent.telephony.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.metrics.Exposition;
import dev.voiceagent.testsupport.metrics.MetricsContract;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.testsupport.twilio.AudioSource;
import dev.voiceagent.testsupport.twilio.TwilioCallSimulator;
import dev.voiceagent.testsupport.twilio.TwilioSignature;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Phone calls end to end through the real services, against faithful fakes of Twilio and OpenAI. */
class PhoneCallIT {

    /** The fake answers the greeting's response.create with this much audio. */
    private static final long GREETING_MS = 200;

    private static PhoneSystem system;
    private static int nextCaller = 100;

    @BeforeAll
    static void startSystem() {
        system = new PhoneSystem();
    }

    @AfterAll
    static void stopSystem() {
        system.close();
    }

    private static synchronized String newCaller() {
        return "+1415555" + String.format("%04d", nextCaller++);
    }

    private static TwilioCallSimulator answered(String from, int tag) throws Exception {
        TwilioCallSimulator call = system.call(from, system.gateway1, AudioSource.tagged(tag));
        call.placeCall().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return call;
    }

    /** Every frame of the call, once, in order: (tag, 0), (tag, 1), ... */
    private static void assertCompleteAndInOrder(byte[] audio, int tag) {
        assertThat(audio.length % AudioSource.FRAME_BYTES).isZero();
        for (int frame = 0; frame < audio.length / AudioSource.FRAME_BYTES; frame++) {
            assertThat(AudioSource.readTag(audio, frame)).as("frame %d", frame).containsExactly(tag, frame);
        }
    }

    private static byte[] pattern(int length, int seed) {
        byte[] audio = new byte[length];
        for (int i = 0; i < length; i++) {
            audio[i] = (byte) (seed + i * 7);
        }
        return audio;
    }

    @Test
    void audioFlowsBothWaysCompleteAndInOrder() throws Exception {
        String from = newCaller();
        TwilioCallSimulator call = answered(from, 1);
        FakeRealtimeSession upstream = system.sessionOf(from);

        await().until(() -> upstream.inputAudio().length >= 50 * AudioSource.FRAME_BYTES);
        assertCompleteAndInOrder(upstream.inputAudio(), 1);

        await().until(() -> call.playedMs() >= GREETING_MS);
        int greetingBytes = call.receivedAudio().length;
        byte[] answer = pattern(8000, 3);
        upstream.streamAssistantAudio(answer, 960);
        await().until(() -> call.receivedAudio().length == greetingBytes + answer.length);
        assertThat(Arrays.copyOfRange(call.receivedAudio(), greetingBytes, greetingBytes + answer.length))
                .isEqualTo(answer);
        await().atMost(Duration.ofSeconds(5)).until(() -> call.playedAudio().length == call.receivedAudio().length);

        call.hangUp();
        await().until(() -> !upstream.isOpen());
        assertThat(call.violations()).isEmpty();
        assertThat(upstream.violations()).isEmpty();
        assertCompleteAndInOrder(upstream.inputAudio(), 1);
    }

    @Test
    void bargeInClearsPlaybackAndTruncatesAtWhatTheCallerHeard() throws Exception {
        String from = newCaller();
        TwilioCallSimulator call = answered(from, 2);
        FakeRealtimeSession upstream = system.sessionOf(from);
        await().until(() -> call.playedMs() >= GREETING_MS);
        long playedBefore = call.playedMs();

        String item = upstream.streamAssistantAudio(new byte[3000 * 8], 800);
        await().until(() -> call.playedMs() >= playedBefore + 750); // mid-chunk: marks alone would say 700
        upstream.speechStarted();

        await().until(() -> call.clears().size() == 1);
        await().until(() -> upstream.truncations().size() == 1);
        FakeRealtimeSession.Truncation truncation = upstream.truncations().get(0);
        long heardOfItem = call.clears().get(0).playedMsBefore() - playedBefore;
        assertThat(truncation.itemId()).isEqualTo(item);
        assertThat(truncation.audioEndMs()).as("within one 20 ms frame of what was played")
                .isBetween(heardOfItem - 20, heardOfItem + 20);
        assertThat(call.clears().get(0).droppedMs()).isPositive();
        assertThat(upstream.cancels()).as("server VAD cancels by itself").isZero();
        assertThat(upstream.violations()).isEmpty();
        assertThat(call.violations()).isEmpty();
        assertThat(system.metric(system.gateway1, "voice_gateway_barge_ins_total", "")).isPositive();
        call.hangUp();
    }

    /**
     * What Prometheus reads after a call: every family of the gateway and the core says what it counts, and their
     * latencies are histograms in the documented SLO buckets (which add up across pods), with the call in them.
     */
    @Test
    void afterACallEveryMetricIsExplainedAndLatenciesFallInSloBuckets() throws Exception {
        String from = newCaller();
        TwilioCallSimulator call = answered(from, 10);
        await().until(() -> call.playedMs() >= GREETING_MS);
        call.hangUp();
        await().until(() -> !system.sessionOf(from).isOpen());

        Exposition gateway = Exposition.scrape(system.gateway1.baseUrl());
        MetricsContract.assertDocumentedAndAggregatable(gateway, "voice_gateway_");
        assertThat(MetricsContract.bucketBounds(gateway, "voice_gateway_first_audio_seconds"))
                .containsExactly(0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0);
        assertThat(gateway.sum("voice_gateway_first_audio_seconds", "voice_gateway_first_audio_seconds_count"))
                .isPositive();

        Exposition core = Exposition.scrape(system.coreA.baseUrl());
        MetricsContract.assertDocumentedAndAggregatable(core, "voice_core_");
        assertThat(MetricsContract.bucketBounds(core, "voice_core_upstream_ready_seconds"))
                .containsExactly(0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0);
        assertThat(core.sum("voice_core_upstream_ready_seconds", "voice_core_upstream_ready_seconds_count"))
                .isPositive();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 20})
    void concurrentCallsStayIsolated(int calls) throws Exception {
        List<String> callers = new ArrayList<>();
        List<TwilioCallSimulator> simulators = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String from = newCaller();
            callers.add(from);
            simulators.add(system.call(from, system.gateway1, AudioSource.tagged(1000 + i)));
        }
        for (TwilioCallSimulator simulator : simulators) {
            simulator.placeCall().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        List<FakeRealtimeSession> sessions = callers.stream().map(system::sessionOf).toList();
        for (int i = 0; i < calls; i++) {
            FakeRealtimeSession upstream = sessions.get(i);
            TwilioCallSimulator simulator = simulators.get(i);
            await().until(() -> upstream.inputAudio().length >= 25 * AudioSource.FRAME_BYTES);
            await().until(() -> simulator.playedMs() >= GREETING_MS);
            upstream.streamAssistantAudio(pattern(1600, i), 800);
        }
        for (int i = 0; i < calls; i++) {
            int tag = 1000 + i;
            TwilioCallSimulator simulator = simulators.get(i);
            assertCompleteAndInOrder(sessions.get(i).inputAudio(), tag);
            await().until(() -> simulator.receivedAudio().length == GREETING_MS * 8 + 1600);
            byte[] received = simulator.receivedAudio();
            assertThat(Arrays.copyOfRange(received, received.length - 1600, received.length))
                    .as("call %d hears only its own answer", i).isEqualTo(pattern(1600, i));
            assertThat(system.sessionsOf(callers.get(i))).hasSize(1);
        }
        simulators.forEach(TwilioCallSimulator::hangUp);
        sessions.forEach(upstream -> await().until(() -> !upstream.isOpen()));
    }

    @Test
    void aPrewarmedSessionIsFoundFromAnotherGatewayAndCore() throws Exception {
        double startedOnB = system.metric(system.coreB, "voice_core_sessions_started_total", "");
        String from = newCaller();
        TwilioCallSimulator call = system.call(from, system.gateway1, system.gateway2, PhoneSystem.AUTH_TOKEN,
                AudioSource.tagged(3));
        call.placeCall().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(call.streamParameters()).containsKeys("session", "From", "CallSid");

        FakeRealtimeSession upstream = system.sessionOf(from);
        await().until(() -> upstream.inputAudio().length >= 10 * AudioSource.FRAME_BYTES);
        assertCompleteAndInOrder(upstream.inputAudio(), 3);
        assertThat(system.sessionsOf(from)).as("one upstream session: the pre-warmed one").hasSize(1);
        assertThat(system.metric(system.coreA, "voice_core_prewarm_total", "outcome=\"claimed\"")).isPositive();
        assertThat(system.metric(system.coreB, "voice_core_sessions_started_total", ""))
                .as("gateway 2's own core was not used").isEqualTo(startedOnB);
        call.hangUp();
    }

    @Test
    void aKnownCallerIsGreetedWithTheirBookingFromTheDatabase() throws Exception {
        TwilioCallSimulator call = answered("+14000000000", 8);
        FakeRealtimeSession upstream = system.sessionOf("+14000000000");
        String instructions = upstream.received("session.update").get(0).path("session").path("instructions").asText();
        assertThat(instructions).contains("Holiday Inn - Times Square").contains("March 22, 2027");
        call.hangUp();
    }

    @Test
    void theHotelAgentSearchesRealRowsThroughMcp() throws Exception {
        String from = newCaller();
        TwilioCallSimulator call = answered(from, 9);
        FakeRealtimeSession upstream = system.sessionOf(from);
        upstream.functionCall("transfer_to_hotel_booking", "{}");
        await().until(() -> upstream.received("session.update").size() == 2);
        String checkIn = java.time.LocalDate.now().plusDays(10).toString();
        String checkOut = java.time.LocalDate.now().plusDays(12).toString();
        String callId = upstream.functionCall("search-hotel",
                "{\"city\":\"Toronto\",\"checkIn\":\"" + checkIn + "\",\"checkOut\":\"" + checkOut + "\"}");
        String output = await().until(() -> upstream.received("conversation.item.create").stream()
                .map(event -> event.path("item"))
                .filter(item -> item.path("call_id").asText().equals(callId))
                .map(item -> item.path("output").asText()).findFirst().orElse(null), o -> o != null);
        assertThat(output).contains("Maple Leaf Lodge").contains("Harbourfront Inn");
        assertThat(upstream.violations()).isEmpty();
        call.hangUp();
    }

    @Test
    void forgedOrMissingSignaturesAreRefused() {
        double before = system.metric(system.gateway1, "voice_gateway_signature_failures_total", "");
        TwilioCallSimulator forged = system.call(newCaller(), system.gateway1, system.gateway1, "not-the-token",
                AudioSource.silence());
        assertThatThrownBy(() -> forged.postWebhook().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS))
                .hasMessageContaining("403");
        assertThat(forged.webhookStatus()).isEqualTo(403);
        assertThatThrownBy(() -> forged.connect(URI.create("wss://" + PhoneSystem.PUBLIC_HOST + "/media-stream"))
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS))
                .hasMessageContaining("403");

        TwilioCallSimulator unsigned = system.call(newCaller(), system.gateway1, system.gateway1, null,
                AudioSource.silence());
        assertThatThrownBy(() -> unsigned.postWebhook().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS))
                .hasMessageContaining("403");
        assertThat(system.metric(system.gateway1, "voice_gateway_signature_failures_total", ""))
                .isEqualTo(before + 3);
    }

    /** Since the core replaces a lost upstream session, a drop costs the call a new session, not its end. */
    @Test
    void anUpstreamErrorOrDropStaysInItsOwnCall() throws Exception {
        String victimNumber = newCaller();
        String bystanderNumber = newCaller();
        TwilioCallSimulator victim = answered(victimNumber, 4);
        TwilioCallSimulator bystander = answered(bystanderNumber, 5);
        FakeRealtimeSession victimUpstream = system.sessionOf(victimNumber);
        FakeRealtimeSession bystanderUpstream = system.sessionOf(bystanderNumber);

        victimUpstream.sendError("server_error", "server_error", "The server had an error while processing");
        int afterError = victimUpstream.inputAudio().length;
        await().until(() -> victimUpstream.inputAudio().length > afterError + 10 * AudioSource.FRAME_BYTES);
        assertThat(victim.isClosed()).as("a recoverable error does not end the call").isFalse();

        victimUpstream.closeAbruptly();
        FakeRealtimeSession replacement = await().atMost(Duration.ofSeconds(5)).until(
                () -> system.sessionsOf(victimNumber).stream().filter(s -> s != victimUpstream).findFirst().orElse(null),
                s -> s != null && s.inputAudio().length > 0);
        assertThat(victim.isClosed()).as("the call goes on with a new upstream session").isFalse();
        assertThat(replacement.isConfigured()).isTrue();
        victim.hangUp();
        int bystanderBytes = bystanderUpstream.inputAudio().length;
        await().until(() -> bystanderUpstream.inputAudio().length > bystanderBytes + 10 * AudioSource.FRAME_BYTES);
        assertThat(bystander.isClosed()).isFalse();
        assertCompleteAndInOrder(bystanderUpstream.inputAudio(), 5);
        bystander.hangUp();
    }

    @Test
    void malformedTwilioFramesAreAnsweredWithoutHarmingOtherCalls() throws Exception {
        String bystanderNumber = newCaller();
        TwilioCallSimulator bystander = answered(bystanderNumber, 6);
        FakeRealtimeSession bystanderUpstream = system.sessionOf(bystanderNumber);
        double badBefore = system.metric(system.gateway1, "voice_gateway_bad_input_total", "");

        String attackerNumber = newCaller();
        TwilioCallSimulator attacker = answered(attackerNumber, 7);
        attacker.sendRaw("this is not json");
        attacker.sendRaw("{\"event\":\"teleport\",\"streamSid\":\"" + attacker.streamSid() + "\"}");
        attacker.sendRaw("{\"event\":\"media\",\"streamSid\":\"" + attacker.streamSid()
                + "\",\"media\":{\"track\":\"inbound\",\"payload\":\"%%%not-base64%%%\"}}");
        await().until(() -> system.metric(system.gateway1, "voice_gateway_bad_input_total", "") >= badBefore + 3);
        assertThat(attacker.isClosed()).as("malformed frames are refused one by one").isFalse();

        attacker.sendRaw("{\"event\":\"media\",\"media\":{\"payload\":\"" + "A".repeat(40_000) + "\"}}");
        await().until(attacker::isClosed);
        assertThat(attacker.serverCloseCode()).isEqualTo((short) 1009);

        String publicStream = "wss://" + PhoneSystem.PUBLIC_HOST + "/media-stream";
        WebSocket early = system.vertx.createWebSocketClient().connect(new WebSocketConnectOptions()
                        .setAbsoluteURI("ws://127.0.0.1:" + system.gateway1.port() + "/media-stream")
                        .addHeader("X-Twilio-Signature",
                                TwilioSignature.sign(PhoneSystem.AUTH_TOKEN, publicStream, Map.of())))
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        double beforeEarlyMedia = system.metric(system.gateway1, "voice_gateway_bad_input_total",
                "kind=\"media_before_start\"");
        early.writeTextMessage("{\"event\":\"media\",\"media\":{\"track\":\"inbound\",\"payload\":\"AAAA\"}}");
        await().until(() -> system.metric(system.gateway1, "voice_gateway_bad_input_total",
                "kind=\"media_before_start\"") > beforeEarlyMedia);

        int bystanderBytes = bystanderUpstream.inputAudio().length;
        await().until(() -> bystanderUpstream.inputAudio().length > bystanderBytes + 10 * AudioSource.FRAME_BYTES);
        assertCompleteAndInOrder(bystanderUpstream.inputAudio(), 6);
        assertThat(system.metric(system.gateway1, "voice_gateway_bad_input_total", "kind=\"oversized\""))
                .isPositive();
        bystander.hangUp();
        early.close();
    }
}
