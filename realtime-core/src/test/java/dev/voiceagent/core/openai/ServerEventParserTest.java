package dev.voiceagent.core.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Server events in the GA shapes of the OpenAI Realtime API reference. */
class ServerEventParserTest {

    @Test
    void readsAnAudioDeltaWithoutATree() throws IOException {
        ServerEvent event = ServerEventParser.parse("""
                {"type":"response.output_audio.delta","event_id":"event_3","response_id":"resp_001",\
                "item_id":"item_001","output_index":0,"content_index":0,"delta":"//7+/v7+"}""");
        assertThat(event.isAudioDelta()).isTrue();
        assertThat(event.itemId()).isEqualTo("item_001");
        assertThat(event.responseId()).isEqualTo("resp_001");
        assertThat(event.delta()).isEqualTo("//7+/v7+");
        assertThat(event.json()).isNull();
    }

    @Test
    void fieldOrderDoesNotMatter() throws IOException {
        ServerEvent event = ServerEventParser.parse("""
                {"delta":"AAAA","item_id":"i","event_id":"e","type":"response.output_audio.delta","response_id":"r"}""");
        assertThat(event.isAudioDelta()).isTrue();
        assertThat(event.delta()).isEqualTo("AAAA");
    }

    @Test
    void keepsTheTreeOfOtherEvents() throws IOException {
        ServerEvent event = ServerEventParser.parse("""
                {"type":"error","event_id":"event_890","error":{"type":"invalid_request_error",\
                "code":"response_cancel_not_active","message":"Cancellation failed: no active response found",\
                "param":null,"event_id":"evt_1"}}""");
        assertThat(event.type()).isEqualTo("error");
        assertThat(event.json().path("error").path("code").asText()).isEqualTo("response_cancel_not_active");
    }

    @Test
    void readsSpeechStartedAndTranscripts() throws IOException {
        ServerEvent speech = ServerEventParser.parse("""
                {"event_id":"event_1516","type":"input_audio_buffer.speech_started","audio_start_ms":1000,\
                "item_id":"msg_003"}""");
        assertThat(speech.itemId()).isEqualTo("msg_003");
        ServerEvent transcript = ServerEventParser.parse("""
                {"event_id":"event_2122","type":"conversation.item.input_audio_transcription.completed",\
                "item_id":"msg_003","content_index":0,"transcript":"Hello, how are you?",\
                "usage":{"type":"duration","seconds":1.2}}""");
        assertThat(transcript.text("transcript")).isEqualTo("Hello, how are you?");
        assertThat(transcript.text("missing")).isNull();
    }

    @Test
    void refusesWhatIsNotAnEvent() {
        assertThatThrownBy(() -> ServerEventParser.parse("[1,2]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ServerEventParser.parse("{\"event_id\":\"e\"}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ServerEventParser.parse("{\"type\":")).isInstanceOf(IOException.class);
    }
}
