package dev.voiceagent.testsupport.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voiceagent.testsupport.websocket.ServerFirstWebSocket;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake refuses what the real Realtime API refuses, with the real API's error events. */
class FakeRealtimeServerTest {

    private static final String PCMU_SESSION = """
            {"type":"session.update","session":{"type":"realtime","instructions":"Be brief.",\
            "audio":{"input":{"format":{"type":"audio/pcmu"},"turn_detection":{"type":"server_vad",\
            "threshold":0.5,"prefix_padding_ms":300,"silence_duration_ms":500,"create_response":true,\
            "interrupt_response":true}},"output":{"format":{"type":"audio/pcmu"},"voice":"marin"}}}}""";

    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private FakeRealtimeServer fake;
    private WebSocket socket;

    @BeforeEach
    void connect() throws Exception {
        vertx = Vertx.vertx();
        fake = FakeRealtimeServer.start(vertx).sessionOptions(FakeRealtimeSession.Options.defaults()
                .withoutAutomaticResponses());
        socket = open(new WebSocketConnectOptions().setAbsoluteURI(fake.openAiUrl() + "?model=gpt-realtime")
                .addHeader("Authorization", "Bearer test-key"));
        await().until(() -> !fake.sessions().isEmpty());
    }

    @AfterEach
    void close() {
        fake.close();
        vertx.close();
    }

    /** Listens from the moment the socket opens: the server speaks first. */
    private WebSocket open(WebSocketConnectOptions options) throws Exception {
        return ServerFirstWebSocket.connect(vertx, vertx.createWebSocketClient(), options, ws -> {
            ws.textMessageHandler(text -> {
                try {
                    events.add(json.readTree(text));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            return ws;
        }, Duration.ofSeconds(5));
    }

    private JsonNode awaitEvent(String type) {
        return await().until(() -> events.stream().filter(e -> e.path("type").asText().equals(type))
                .reduce((first, second) -> second).orElse(null), e -> e != null);
    }

    private String awaitErrorCode() {
        return awaitEvent("error").path("error").path("code").asText();
    }

    @Test
    void greetsWithSessionCreatedAndAppliesAGaSessionUpdate() {
        assertThat(awaitEvent("session.created").path("session").path("type").asText()).isEqualTo("realtime");
        socket.writeTextMessage(PCMU_SESSION);
        JsonNode updated = awaitEvent("session.updated").path("session");
        assertThat(updated.path("audio").path("input").path("format").path("type").asText()).isEqualTo("audio/pcmu");
        assertThat(updated.path("audio").path("output").path("voice").asText()).isEqualTo("marin");
        assertThat(fake.session(0).violations()).isEmpty();
    }

    @Test
    void refusesBetaFieldNames() {
        socket.writeTextMessage("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\","
                + "\"input_audio_format\":\"g711_ulaw\"}}");
        assertThat(awaitErrorCode()).isEqualTo("unknown_parameter");
    }

    @Test
    void acceptsOnlyTheGaSessionFieldsAtEveryLevel() {
        socket.writeTextMessage("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\","
                + "\"instruction\":\"misspelt\"}}");
        assertThat(awaitErrorCode()).isEqualTo("unknown_parameter");
        socket.writeTextMessage("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\","
                + "\"audio\":{\"output\":{\"voice\":\"marin\",\"format_type\":\"audio/pcmu\"}}}}");
        await().until(() -> fake.session(0).violations().size() == 2);
        assertThat(fake.session(0).violations().get(1).message()).contains("session.audio.output.format_type");
    }

    /** A session.update carrying only these {@code session.audio} settings. */
    private static String audioUpdate(String audio) {
        return "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":" + audio + "}}";
    }

    @Test
    void acceptsEveryGaAudioSetting() {
        socket.writeTextMessage(audioUpdate("""
                {"input":{"format":{"type":"audio/pcm","rate":24000},"noise_reduction":{"type":"near_field"},\
                "transcription":{"model":"gpt-4o-transcribe","language":"en","prompt":"A trip booking."},\
                "turn_detection":{"type":"server_vad","threshold":0.6,"prefix_padding_ms":200,\
                "silence_duration_ms":2000,"idle_timeout_ms":6000,"create_response":true,"interrupt_response":false}},\
                "output":{"voice":"cedar","speed":1.2}}"""));
        JsonNode updated = awaitEvent("session.updated").path("session").path("audio");
        assertThat(updated.path("output").path("speed").asDouble()).isEqualTo(1.2);
        assertThat(updated.path("input").path("transcription").path("language").asText()).isEqualTo("en");
        socket.writeTextMessage(audioUpdate("""
                {"input":{"turn_detection":{"type":"semantic_vad","eagerness":"low","create_response":true,\
                "interrupt_response":true}}}"""));
        await().until(() -> events.stream().filter(e -> e.path("type").asText().equals("session.updated")).count() == 2);
        assertThat(fake.session(0).violations()).isEmpty();
        assertThat(fake.session(0).sessionConfig().path("audio").path("input").path("turn_detection"))
                .as("turn detection is replaced, not merged").hasSize(4);
    }

    @Test
    void refusesAudioSettingsOutOfRangeOrOfTheOtherTurnDetectionType() {
        List<String> refused = List.of(
                "{\"output\":{\"speed\":2.0}}",
                "{\"output\":{\"voice\":\"marine\"}}",
                "{\"input\":{\"turn_detection\":{\"type\":\"server_vad\",\"threshold\":1.5}}}",
                "{\"input\":{\"turn_detection\":{\"type\":\"server_vad\",\"silence_duration_ms\":-1}}}",
                "{\"input\":{\"turn_detection\":{\"type\":\"semantic_vad\",\"eagerness\":\"eager\"}}}",
                "{\"input\":{\"turn_detection\":{\"type\":\"semantic_vad\",\"silence_duration_ms\":500}}}",
                "{\"input\":{\"turn_detection\":{\"type\":\"semantic_vad\",\"idle_timeout_ms\":5000}}}",
                "{\"input\":{\"turn_detection\":{\"type\":\"push_to_talk\"}}}",
                "{\"input\":{\"transcription\":{\"model\":\"whisper-1\",\"lang\":\"en\"}}}",
                "{\"input\":{\"noise_reduction\":{\"type\":\"mid_field\"}}}");
        refused.forEach(audio -> socket.writeTextMessage(audioUpdate(audio)));
        await().until(() -> fake.session(0).violations().size() == refused.size());
        assertThat(fake.session(0).violations()).extracting(FakeRealtimeSession.Violation::code).containsExactly(
                "decimal_above_max_value", "invalid_value", "decimal_above_max_value", "integer_below_min_value",
                "invalid_value", "unknown_parameter", "unknown_parameter", "invalid_value", "unknown_parameter",
                "invalid_value");
        assertThat(fake.session(0).received("session.update")).hasSize(refused.size());
        assertThat(events.stream().filter(e -> e.path("type").asText().equals("session.updated"))).isEmpty();
    }

    @Test
    void acceptsMessagePartsOnlyOfTheirRole() {
        socket.writeTextMessage(item("{\"type\":\"message\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"Hi\"}]}"));
        assertThat(awaitErrorCode()).isEqualTo("invalid_value");
        socket.writeTextMessage(item("{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"output_text\",\"text\":\"Hi\"}]}"));
        socket.writeTextMessage(item("{\"type\":\"message\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"output_text\",\"text\":\"Hello, how can I help?\"}]}"));
        socket.writeTextMessage(item("{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"A room in Paris\"}]}"));
        await().until(() -> fake.session(0).createdItems().size() == 2);
        assertThat(fake.session(0).violations()).hasSize(2);
    }

    @Test
    void acceptsAFunctionOutputOnlyForACallTheConversationHas() {
        socket.writeTextMessage(item("{\"type\":\"function_call_output\",\"call_id\":\"call_x\","
                + "\"output\":\"{}\"}"));
        assertThat(awaitErrorCode()).isEqualTo("invalid_value");
        socket.writeTextMessage(item("{\"type\":\"function_call\",\"call_id\":\"call_x\","
                + "\"name\":\"search-hotel\",\"arguments\":\"{}\"}"));
        socket.writeTextMessage(item("{\"type\":\"function_call_output\",\"call_id\":\"call_x\","
                + "\"output\":\"{}\"}"));
        await().until(() -> fake.session(0).createdItems().size() == 2);
        assertThat(fake.session(0).violations()).hasSize(1);
    }

    private static String item(String item) {
        return "{\"type\":\"conversation.item.create\",\"item\":" + item + "}";
    }

    @Test
    void refusesUnknownEventTypes() {
        socket.writeTextMessage("{\"type\":\"response.audio.delta\"}");
        assertThat(awaitEvent("error").path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(fake.session(0).violations()).hasSize(1);
    }

    @Test
    void refusesMalformedBase64() {
        socket.writeTextMessage(PCMU_SESSION);
        awaitEvent("session.updated");
        socket.writeTextMessage("{\"type\":\"input_audio_buffer.append\",\"audio\":\"not base64!\"}");
        assertThat(awaitErrorCode()).isEqualTo("invalid_value");
        assertThat(fake.session(0).inputAudio()).isEmpty();
    }

    @Test
    void refusesAudioBeforeTheFormatIsConfiguredAndAudioThatDoesNotFitIt() {
        socket.writeTextMessage("{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAAA\"}");
        awaitEvent("error");
        socket.writeTextMessage("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\","
                + "\"audio\":{\"input\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000}}}}}");
        awaitEvent("session.updated");
        socket.writeTextMessage("{\"type\":\"input_audio_buffer.append\",\"audio\":\"AA==\"}");
        await().until(() -> fake.session(0).violations().size() == 2);
        assertThat(fake.session(0).inputAudio()).isEmpty();
    }

    @Test
    void refusesATruncateBeyondTheAudioSent() {
        socket.writeTextMessage(PCMU_SESSION);
        awaitEvent("session.updated");
        String item = fake.session(0).streamAssistantAudio(new byte[800], 400);
        awaitEvent("response.done");
        socket.writeTextMessage("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + item
                + "\",\"content_index\":0,\"audio_end_ms\":101}");
        assertThat(awaitErrorCode()).isEqualTo("invalid_value");
        socket.writeTextMessage("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + item
                + "\",\"content_index\":0,\"audio_end_ms\":100}");
        assertThat(awaitEvent("conversation.item.truncated").path("audio_end_ms").asLong()).isEqualTo(100);
    }

    @Test
    void refusesACancelWithNothingActive() {
        socket.writeTextMessage("{\"type\":\"response.cancel\"}");
        assertThat(awaitErrorCode()).isEqualTo("response_cancel_not_active");
    }

    @Test
    void speechCancelsTheActiveResponseWhenTheServerInterrupts() {
        socket.writeTextMessage(PCMU_SESSION);
        awaitEvent("session.updated");
        FakeRealtimeSession session = fake.session(0);
        session.streamAssistantAudio(new byte[16000], 160, java.time.Duration.ofMillis(20), "a long answer");
        awaitEvent("response.output_audio.delta");
        session.speechStarted();
        JsonNode done = awaitEvent("response.done").path("response");
        assertThat(done.path("status").asText()).isEqualTo("cancelled");
        assertThat(done.path("status_details").path("reason").asText()).isEqualTo("turn_detected");
    }

    @Test
    void refusesWrongKeysAndTheBetaHeader() {
        assertThatThrownBy(() -> open(new WebSocketConnectOptions()
                .setAbsoluteURI(fake.openAiUrl() + "?model=gpt-realtime")
                .addHeader("Authorization", "Bearer wrong"))).hasMessageContaining("401");
        assertThatThrownBy(() -> open(new WebSocketConnectOptions()
                .setAbsoluteURI(fake.openAiUrl() + "?model=gpt-realtime")
                .addHeader("Authorization", "Bearer test-key").addHeader("OpenAI-Beta", "realtime=v1")))
                .hasMessageContaining("400");
        assertThat(fake.rejectedHandshakes()).isEqualTo(2);
    }

    @Test
    void dropsTheConnectionWithAResetOrClosesWithAServerError() throws Exception {
        java.util.concurrent.CompletableFuture<Short> resetCode = new java.util.concurrent.CompletableFuture<>();
        socket.closeHandler(v -> resetCode.complete(socket.closeStatusCode() == null ? -1 : socket.closeStatusCode()));
        fake.session(0).faults().reset();
        assertThat(resetCode.get(5, TimeUnit.SECONDS)).as("no close frame").isEqualTo((short) -1);

        WebSocket second = open(new WebSocketConnectOptions().setAbsoluteURI(fake.openAiUrl() + "?model=gpt-realtime")
                .addHeader("Authorization", "Bearer test-key"));
        java.util.concurrent.CompletableFuture<Short> closeCode = new java.util.concurrent.CompletableFuture<>();
        second.closeHandler(v -> closeCode.complete(second.closeStatusCode()));
        fake.awaitSessions(2).get(1).faults().serverError();
        assertThat(closeCode.get(5, TimeUnit.SECONDS)).isEqualTo((short) 1011);
    }

    @Test
    void refusesTheNextConnectionsThenAcceptsAgain() throws Exception {
        fake.refuseNextConnections(2);
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(fake.openAiUrl() + "?model=gpt-realtime").addHeader("Authorization", "Bearer test-key");
        assertThatThrownBy(() -> open(options)).hasMessageContaining("503");
        assertThatThrownBy(() -> open(options)).hasMessageContaining("503");
        open(options);
        assertThat(fake.awaitSessions(2)).hasSize(2);
    }

    @Test
    void sendsAnOversizedEventInFragmentsAndABrokenAudioDelta() {
        fake.session(0).faults().oversizedTranscript(200_000);
        fake.session(0).faults().invalidAudioDelta();
        assertThat(awaitEvent("response.output_audio_transcript.delta").path("delta").asText()).hasSize(200_000);
        assertThat(awaitEvent("response.output_audio.delta").path("delta").asText()).isEqualTo("this is not base64!");
    }

    @Test
    void acceptsTheAzureFormWithItsApiKeyHeader() throws Exception {
        open(new WebSocketConnectOptions().setAbsoluteURI(fake.azureUrl() + "?model=my-deployment")
                .addHeader("api-key", "test-key"));
        assertThat(fake.awaitSessions(2).get(1).model()).isEqualTo("my-deployment");
    }
}
