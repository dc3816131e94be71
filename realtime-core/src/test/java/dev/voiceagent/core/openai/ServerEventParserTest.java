package dev.voiceagent.core.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Server events in the GA shapes of the OpenAI Realtime API reference. */
class ServerEventParserTest {

    @Test
    void readsAnAudioDelta() throws IOException {
        ModelEvent event = ServerEventParser.parse("""
                {"type":"response.output_audio.delta","event_id":"event_3","response_id":"resp_001",\
                "item_id":"item_001","output_index":0,"content_index":0,"delta":"//7+/v7+"}""");
        assertThat(event).isEqualTo(new ModelEvent.AudioDelta("item_001", "resp_001", "//7+/v7+"));
    }

    @Test
    void fieldOrderDoesNotMatter() throws IOException {
        ModelEvent event = ServerEventParser.parse("""
                {"delta":"AAAA","item_id":"i","event_id":"e","type":"response.output_audio.delta","response_id":"r"}""");
        assertThat(event).isEqualTo(new ModelEvent.AudioDelta("i", "r", "AAAA"));
    }

    @Test
    void readsAnErrorEvent() throws IOException {
        ModelEvent event = ServerEventParser.parse("""
                {"type":"error","event_id":"event_890","error":{"type":"invalid_request_error",\
                "code":"response_cancel_not_active","message":"Cancellation failed: no active response found",\
                "param":null,"event_id":"evt_1"}}""");
        assertThat(event).isEqualTo(new ModelEvent.Error("invalid_request_error", "response_cancel_not_active",
                "Cancellation failed: no active response found"));
    }

    @Test
    void readsSpeechStartedAndTranscripts() throws IOException {
        assertThat(ServerEventParser.parse("""
                {"event_id":"event_1516","type":"input_audio_buffer.speech_started","audio_start_ms":1000,\
                "item_id":"msg_003"}""")).isEqualTo(new ModelEvent.SpeechStarted("msg_003"));
        assertThat(ServerEventParser.parse("""
                {"event_id":"event_2122","type":"conversation.item.input_audio_transcription.completed",\
                "item_id":"msg_003","content_index":0,"transcript":"Hello, how are you?",\
                "usage":{"type":"duration","seconds":1.2}}"""))
                .isEqualTo(new ModelEvent.UserTranscript("msg_003", "Hello, how are you?"));
    }

    @Test
    void readsAFunctionCallItemAndIgnoresOtherItems() throws IOException {
        assertThat(ServerEventParser.parse("""
                {"type":"response.output_item.done","event_id":"e","response_id":"r","output_index":0,\
                "item":{"id":"item_1","type":"function_call","status":"completed","name":"search-hotel",\
                "call_id":"call_1","arguments":"{\\"city\\":\\"Paris\\"}"}}"""))
                .isEqualTo(new ModelEvent.FunctionCall("call_1", "search-hotel", "{\"city\":\"Paris\"}"));
        assertThat(ServerEventParser.parse("""
                {"type":"response.output_item.done","event_id":"e","item":{"id":"i","type":"message"}}"""))
                .isEqualTo(new ModelEvent.Other("response.output_item.done"));
    }

    @Test
    void readsResponseLifecycle() throws IOException {
        assertThat(ServerEventParser.parse("""
                {"type":"response.created","event_id":"e","response":{"id":"resp_1","status":"in_progress"}}"""))
                .isEqualTo(new ModelEvent.ResponseCreated("resp_1"));
        ModelEvent done = ServerEventParser.parse("""
                {"type":"response.done","event_id":"e","response":{"id":"resp_1","status":"cancelled"}}""");
        assertThat(done).isInstanceOfSatisfying(ModelEvent.ResponseDone.class, d -> {
            assertThat(d.responseId()).isEqualTo("resp_1");
            assertThat(d.status()).isEqualTo("cancelled");
        });
    }

    @Test
    void refusesWhatIsNotAnEvent() {
        assertThatThrownBy(() -> ServerEventParser.parse("[1,2]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ServerEventParser.parse("{\"event_id\":\"e\"}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ServerEventParser.parse("{\"type\":")).isInstanceOf(IOException.class);
    }

    /** Found by fuzzing: Jackson's reason came with its source location on a second line, in a one-line WARN. */
    @Test
    void refusesInOneLine() {
        assertThatThrownBy(() -> ServerEventParser.parse("kl+W6B")).isInstanceOf(IOException.class)
                .hasMessageContaining("Unrecognized token 'kl'").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ServerEventParser.parse("{\"type\":\"response.done\",\"response\":{\"id\":}"))
                .isInstanceOf(IOException.class).hasMessageNotContaining("\n");
    }
}
