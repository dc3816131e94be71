package dev.voiceagent.telephony.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import dev.voiceagent.testsupport.twilio.AudioSource;
import dev.voiceagent.testsupport.twilio.TwilioCallSimulator;
import dev.voiceagent.testsupport.twilio.TwilioSignature;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Abuse of /media-stream against the packaged gateway and core, with raw websocket clients: oversized messages,
 * replayed and idle streams, and a client that stops reading. Each is closed with its documented code, counted,
 * logged in one line without a stack trace, and costs the gateway bounded memory.
 */
class MediaStreamAbuseIT {

    private static final String INTERNAL_SECRET = "abuse-internal-auth-secret";

    private static final String TOKEN = "abuse-test-auth-token";
    private static final String HOST = "voice.example.com";
    private static final String PUBLIC_STREAM = "wss://" + HOST + "/media-stream";

    private static final Vertx vertx = Vertx.vertx();
    private static final FakeRealtimeServer openAi = FakeRealtimeServer.start(vertx).expectApiKey("sk-abuse");
    private static QuarkusServiceProcess core;
    private static QuarkusServiceProcess gateway;
    private static int nextCaller = 100;

    @BeforeAll
    static void start() throws IOException {
        core = QuarkusServiceProcess.start("abuse-core", QuarkusServiceProcess.runJarOf("realtime-core"), Map.of(
                "openai.realtime-url", openAi.openAiUrl().toString(), "openai.api-key", "sk-abuse",
                "voice.mcp.booking.url", "http://127.0.0.1:9/mcp", "internal-auth.secret", INTERNAL_SECRET), Map.of());
        gateway = QuarkusServiceProcess.start("abuse-gateway", QuarkusServiceProcess.runJarOf("telephony-gateway"),
                Map.of("core.url", core.baseUrl().toString(), "twilio.auth-token", TOKEN,
                        "twilio.media-stream-url", PUBLIC_STREAM, "stream.start-timeout", "2s",
                        "internal-auth.secret", INTERNAL_SECRET), Map.of());
    }

    @AfterAll
    static void stop() {
        for (QuarkusServiceProcess service : new QuarkusServiceProcess[] {gateway, core}) {
            if (service != null) {
                service.close();
            }
        }
        openAi.close();
        vertx.close();
    }

    private static synchronized String newCaller() {
        return "+1415555" + String.format("%04d", nextCaller++);
    }

    private static TwilioCallSimulator call(String from) {
        URI stream = URI.create("ws://127.0.0.1:" + gateway.port() + "/media-stream");
        return new TwilioCallSimulator(vertx, new TwilioCallSimulator.Call(gateway.baseUrl().resolve("/incoming-call"),
                "https://" + HOST + "/incoming-call", TOKEN, from, "CA" + Long.toHexString(System.nanoTime()),
                publicUrl -> stream, AudioSource.silence()));
    }

    /** A media-stream socket with Twilio's valid upgrade signature, as a captured upgrade would carry. */
    private static RawWebSocket signedStream(int receiveBuffer) throws IOException {
        return RawWebSocket.open(gateway.port(), "/media-stream",
                Map.of("X-Twilio-Signature", TwilioSignature.sign(TOKEN, PUBLIC_STREAM, Map.of())), receiveBuffer);
    }

    private static String start(String callSid, Map<String, String> parameters) {
        StringBuilder custom = new StringBuilder();
        parameters.forEach((name, value) -> custom.append(custom.isEmpty() ? "" : ",")
                .append('"').append(name).append("\":\"").append(value).append('"'));
        String streamSid = "MZ" + Long.toHexString(System.nanoTime());
        return "{\"event\":\"start\",\"streamSid\":\"" + streamSid + "\",\"start\":{\"streamSid\":\"" + streamSid
                + "\",\"callSid\":\"" + callSid + "\",\"customParameters\":{" + custom + "},"
                + "\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1}}}";
    }

    /** The model session of the call from this number (its instructions name the caller). */
    private static FakeRealtimeSession sessionOf(String from) {
        return await().until(() -> openAi.sessions().stream()
                .filter(s -> s.received("session.update").toString().contains(from)).findFirst().orElse(null),
                s -> s != null);
    }

    private static double metric(String name, String labelFilter) {
        return Scrape.sum(gateway, name, labelFilter);
    }

    @Test
    void oversizedMessagesAreClosedWith1009AndOneLogLineWithoutAStackTrace() throws Exception {
        long logBefore = Files.readAllLines(gateway.log()).size();
        String big = "{\"event\":\"media\",\"media\":{\"payload\":\"" + "A".repeat(70_000) + "\"}}";
        try (RawWebSocket oneFrame = signedStream(0); RawWebSocket fragments = signedStream(0);
                RawWebSocket overTheCallsLimit = signedStream(0)) {
            oneFrame.sendText(big);
            fragments.sendFragments(big, 4);
            overTheCallsLimit.sendText(big.substring(0, 20_000) + "\"}}");

            assertThat(oneFrame.awaitCloseCode(Duration.ofSeconds(5))).isEqualTo(1009);
            assertThat(fragments.awaitCloseCode(Duration.ofSeconds(5))).isEqualTo(1009);
            assertThat(overTheCallsLimit.awaitCloseCode(Duration.ofSeconds(5))).isEqualTo(1009);
        }
        await().until(() -> metric("voice_gateway_bad_input_total", "kind=\"oversized\"") >= 3);
        List<String> log = Files.readAllLines(gateway.log());
        List<String> since = log.subList((int) logBefore, log.size());
        assertThat(since).noneMatch(line -> line.startsWith("\tat ") || line.contains("ERROR"));
        assertThat(since.stream().filter(line -> line.contains(" WARN ")).count()).isEqualTo(3);
    }

    @Test
    void aReplayedStreamIsRefusedAndTheCallItCopiedGoesOn() throws Exception {
        String from = newCaller();
        TwilioCallSimulator call = call(from);
        call.placeCall().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        FakeRealtimeSession upstream = sessionOf(from);
        double refusedBefore = metric("voice_gateway_streams_refused_total", "reason=\"ticket_used\"");
        int sessionsBefore = openAi.sessions().size();

        try (RawWebSocket replay = signedStream(0)) {
            replay.sendText(start(call.streamParameters().get("CallSid"), call.streamParameters()));
            assertThat(replay.awaitCloseCode(Duration.ofSeconds(5))).isEqualTo(1008);
        }

        assertThat(metric("voice_gateway_streams_refused_total", "reason=\"ticket_used\"")).isEqualTo(refusedBefore + 1);
        assertThat(openAi.sessions()).as("the replay opened no model session").hasSize(sessionsBefore);
        assertThat(call.isClosed()).isFalse();
        call.hangUp();
        await().until(() -> !upstream.isOpen());
    }

    @Test
    void aStreamThatNeverSendsStartIsClosedWith1008() throws Exception {
        double idleBefore = metric("voice_gateway_streams_refused_total", "reason=\"idle\"");
        try (RawWebSocket idle = signedStream(0)) {
            assertThat(idle.awaitCloseCode(Duration.ofSeconds(10))).isEqualTo(1008);
        }
        assertThat(metric("voice_gateway_streams_refused_total", "reason=\"idle\"")).isEqualTo(idleBefore + 1);
    }

    @Test
    void callsWhoseTwilioClientStopsReadingAreDroppedAndTheQueueStaysBounded() throws Exception {
        double droppedBefore = metric("voice_gateway_calls_ended_total", "reason=\"twilio_not_reading\"");
        List<RawWebSocket> stalled = new ArrayList<>();
        List<FakeRealtimeSession> upstreams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String from = newCaller();
            TwilioCallSimulator webhook = call(from);
            Map<String, String> parameters = webhook.answerWebhook().toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            RawWebSocket client = signedStream(4096);
            stalled.add(client);
            client.sendText(start(parameters.get("CallSid"), parameters)); // and never reads again
            FakeRealtimeSession upstream = sessionOf(from);
            upstreams.add(upstream);
            // Twelve minutes of answer, as fast as the model sends it: more than the kernel's socket buffers take in
            // (tcp_wmem allows 4 MiB, about five minutes of Twilio media), so the rest waits in the gateway.
            upstream.streamAssistantAudio(new byte[8 * 720_000], 3200);
        }
        double[] mostQueuedSeconds = {0};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            mostQueuedSeconds[0] = Math.max(mostQueuedSeconds[0],
                    metric("voice_gateway_outbound_queued_audio_seconds", ""));
            return metric("voice_gateway_calls_ended_total", "reason=\"twilio_not_reading\"") >= droppedBefore + 3;
        });
        assertThat(mostQueuedSeconds[0]).as("each call holds at most the 10 s limit and one chunk")
                .isLessThanOrEqualTo(3 * 10.4);
        upstreams.forEach(upstream -> await().until(() -> !upstream.isOpen()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> metric("voice_gateway_outbound_queued_audio_seconds", "") == 0);
        for (RawWebSocket client : stalled) {
            client.close();
        }
    }
}
