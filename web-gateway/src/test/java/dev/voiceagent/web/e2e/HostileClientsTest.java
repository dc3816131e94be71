package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients that break the rules each get their answer (an error, a refusal or a close), are counted, and cost a
 * well-behaved session streaming beside them nothing.
 */
@QuarkusTest
@QuarkusTestResource(VoiceSystemResource.class)
class HostileClientsTest {

    @TestHTTPResource("/")
    URI gateway;

    private Vertx vertx;
    private WidgetClient bystander;
    private FakeRealtimeSession bystanderUpstream;
    private final AtomicBoolean streaming = new AtomicBoolean(true);
    private final AtomicInteger chunksSent = new AtomicInteger();
    private Thread streamer;

    @BeforeEach
    void aWellBehavedSessionStreams() {
        vertx = Vertx.vertx();
        int before = VoiceSystemResource.openAi().sessions().size();
        bystander = WidgetClient.connect(gateway, "websocket");
        bystander.sendWithoutData("SESSION_START");
        bystander.await("SESSION_START_SUCCESS");
        bystanderUpstream = VoiceSystemResource.openAi().session(before);
        byte[] chunks = JavaClientConformanceTest.taggedPcm16(1000, 960);
        streamer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 1000 && streaming.get(); i++) {
                byte[] chunk = new byte[960];
                System.arraycopy(chunks, i * 960, chunk, 0, 960);
                bystander.send("USER_AUDIO_CHUNK", chunk);
                chunksSent.incrementAndGet();
                try {
                    Thread.sleep(20); // pacing a real-time audio source, not waiting for a condition
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void theBystanderLostNothing() throws InterruptedException {
        streaming.set(false);
        streamer.join();
        int sent = chunksSent.get();
        byte[] expected = new byte[sent * 960];
        System.arraycopy(JavaClientConformanceTest.taggedPcm16(sent, 960), 0, expected, 0, expected.length);
        await().atMost(Duration.ofSeconds(10)).until(() -> bystanderUpstream.inputAudio().length >= expected.length);
        assertThat(bystanderUpstream.inputAudio()).isEqualTo(expected);
        assertThat(bystander.isConnected()).isTrue();
        bystander.close();
        vertx.close();
    }

    @Test
    void anOversizedPacketClosesTheConnection() throws Exception {
        try (RawSocketIoClient hostile = connected()) {
            hostile.sendText("42[\"message\",{\"event\":\"SESSION_START\",\"data\":\"" + "x".repeat(200_000) + "\"}]");
            await().atMost(Duration.ofSeconds(5)).until(hostile::isClosed);
            assertThat(hostile.closeCode()).isEqualTo((short) 1009);
        }
        assertThat(metric("voice_web_bad_input_total", "kind=\"oversized\"")).isPositive();
    }

    @ParameterizedTest
    @ValueSource(ints = {900_000, 3_000_000})
    void aFrameLargerThanAnyPacketIsClosedWithOneWarningAtMostAndNoStackTrace(int bytes) throws Exception {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(recorder);
        double before = metric("voice_web_bad_input_total", "kind=\"oversized\"")
                + metric("voice_web_bad_input_total", "kind=\"unreadable_frame\"");
        try (RawSocketIoClient hostile = connected()) {
            hostile.sendBinary(new byte[bytes]);
            await().atMost(Duration.ofSeconds(5)).until(hostile::isClosed);
            await().atMost(Duration.ofSeconds(5)).until(() -> metric("voice_web_bad_input_total", "kind=\"oversized\"")
                    + metric("voice_web_bad_input_total", "kind=\"unreadable_frame\"") > before); // logged by now
            if (bytes < 8 * 131_072) {
                assertThat(hostile.closeCode()).isEqualTo((short) 1009);
            } else {
                assertThat(hostile.closeCode()).as("over Vert.x's frame limit the frame is never read: reset")
                        .isIn((short) 1009, (short) -1);
            }
        } finally {
            root.removeHandler(recorder);
        }
        assertThat(logged).noneMatch(record -> record.getThrown() != null);
        List<LogRecord> warnings = logged.stream()
                .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        if (bytes < 8 * 131_072) {
            assertThat(warnings).hasSize(1).first().extracting(LogRecord::getMessage).asString().contains("too large");
        } else {
            assertThat(warnings).isEmpty();
        }
    }

    @Test
    void audioFarFasterThanRealTimeIsAFloodAndCloses() throws Exception {
        try (RawSocketIoClient hostile = connected()) {
            for (int i = 0; i < 100 && !hostile.isClosed(); i++) { // 2 s of audio per chunk, all at once
                hostile.sendText("451-[\"message\",{\"event\":\"USER_AUDIO_CHUNK\",\"data\":{\"_placeholder\":true,\"num\":0}}]");
                hostile.sendBinary(new byte[96_000]);
            }
            await().atMost(Duration.ofSeconds(5)).until(hostile::isClosed);
            assertThat(hostile.closeCode()).isEqualTo((short) 1008);
        }
        assertThat(metric("voice_web_bad_input_total", "kind=\"flood\"")).isPositive();
    }

    @Test
    void tooManyAttachmentsCloseTheConnection() throws Exception {
        try (RawSocketIoClient hostile = connected()) {
            hostile.sendText("4550-[\"message\",{\"event\":\"USER_AUDIO_CHUNK\",\"data\":{\"_placeholder\":true,\"num\":0}}]");
            await().atMost(Duration.ofSeconds(5)).until(hostile::isClosed);
            assertThat(hostile.closeCode()).isEqualTo((short) 1008);
        }
        assertThat(metric("voice_web_bad_input_total", "kind=\"too_many_attachments\"")).isPositive();
    }

    @Test
    void binaryWithoutAPlaceholderClosesTheConnection() throws Exception {
        try (RawSocketIoClient hostile = connected()) {
            hostile.sendBinary(new byte[960]);
            await().atMost(Duration.ofSeconds(5)).until(hostile::isClosed);
            assertThat(hostile.closeCode()).isEqualTo((short) 1008);
        }
        assertThat(metric("voice_web_bad_input_total", "kind=\"unannounced_binary\"")).isPositive();
    }

    @Test
    void aFloodOfMessagesOtherThanAudioIsDroppedThenClosed() throws Exception {
        try (RawSocketIoClient hostile = connected()) {
            for (int i = 0; i < 1000 && !hostile.isClosed(); i++) {
                hostile.sendText("42[\"message\",{\"event\":\"SESSION_END\"}]");
            }
            await().atMost(Duration.ofSeconds(5)).until(hostile::isClosed);
            assertThat(hostile.closeCode()).isEqualTo((short) 1008);
        }
        assertThat(metric("voice_web_bad_input_total", "kind=\"flood\"")).isPositive();
    }

    @Test
    void aPageFromAnotherOriginIsRefusedOnConnect() throws Exception {
        try (RawSocketIoClient hostile = RawSocketIoClient.open(vertx, gateway, "https://evil.example")) {
            hostile.sendText("40");
            await().atMost(Duration.ofSeconds(5)).until(() -> hostile.received().contains(
                    "44{\"message\":\"origin not allowed\"}"));
            hostile.sendText("42[\"message\",{\"event\":\"SESSION_START\"}]");
            assertThat(hostile.received()).noneMatch(packet -> packet.startsWith("40{"));
        }
        assertThat(metric("voice_web_connects_refused_total", "kind=\"origin\"")).isPositive();
    }

    @Test
    void unknownEventsAndTextAudioAreAnsweredWithErrors() throws Exception {
        try (RawSocketIoClient hostile = connected()) {
            hostile.sendText("42[\"message\",{\"event\":\"DROP_TABLES\"}]");
            hostile.sendText("42[\"message\",{\"event\":\"USER_AUDIO_CHUNK\",\"data\":\"AAAA\"}]");
            hostile.sendText("42[\"hello\"]");
            await().atMost(Duration.ofSeconds(5)).until(() -> hostile.received().stream()
                    .filter(p -> p.startsWith("42[\"message\",{\"event\":\"ERROR\"")
                            || p.startsWith("42[\"message\",{\"data\"")).count() >= 3);
            assertThat(hostile.isClosed()).isFalse();
        }
        assertThat(metric("voice_web_bad_input_total", "kind=\"unknown_event\"")).isPositive();
        assertThat(metric("voice_web_bad_input_total", "kind=\"audio_not_binary\"")).isPositive();
    }

    /** A raw client past the handshake: open packet read, default namespace connected. */
    private RawSocketIoClient connected() throws Exception {
        RawSocketIoClient client = RawSocketIoClient.open(vertx, gateway, Map.of());
        await().atMost(Duration.ofSeconds(5)).until(() -> client.received().stream().anyMatch(p -> p.startsWith("0{")));
        client.sendText("40");
        await().atMost(Duration.ofSeconds(5)).until(() -> client.received().stream().anyMatch(p -> p.startsWith("40{")));
        return client;
    }

    private double metric(String name, String labels) {
        String text = RestAssured.given().baseUri(gateway.toString()).get("/q/metrics").asString();
        return text.lines().filter(line -> line.startsWith(name + "{") && line.contains(labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
