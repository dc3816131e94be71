package dev.voiceagent.core.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ClientEventsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void appendCarriesTheBase64TextUnchanged() throws Exception {
        String event = ClientEvents.appendAudio("//7+/v7+");
        assertThat(event).isEqualTo("{\"type\":\"input_audio_buffer.append\",\"audio\":\"//7+/v7+\"}");
        assertThat(mapper.readTree(event).path("audio").asText()).isEqualTo("//7+/v7+");
    }

    @Test
    void truncateNamesTheItemAndTheAudioHeard() throws Exception {
        JsonNode event = mapper.readTree(ClientEvents.truncate("item_1", 640));
        assertThat(event.path("type").asText()).isEqualTo("conversation.item.truncate");
        assertThat(event.path("item_id").asText()).isEqualTo("item_1");
        assertThat(event.path("content_index").asInt()).isZero();
        assertThat(event.path("audio_end_ms").asLong()).isEqualTo(640);
    }

    @Test
    void systemNoteIsASystemMessage() throws Exception {
        JsonNode item = mapper.readTree(ClientEvents.systemNote("pressed 5")).path("item");
        assertThat(item.path("role").asText()).isEqualTo("system");
        assertThat(item.path("content").get(0).path("type").asText()).isEqualTo("input_text");
        assertThat(item.path("content").get(0).path("text").asText()).isEqualTo("pressed 5");
    }

    @Test
    void reCreatedTurnsUseTheContentPartTypeOfTheirRole() throws Exception {
        JsonNode user = mapper.readTree(ClientEvents.userMessage("A room in Paris")).path("item");
        assertThat(user.path("role").asText()).isEqualTo("user");
        assertThat(user.path("content").get(0).path("type").asText()).isEqualTo("input_text");
        JsonNode assistant = mapper.readTree(ClientEvents.assistantMessage("For which dates?")).path("item");
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.path("content").get(0).path("type").asText()).isEqualTo("output_text");
        assertThat(assistant.path("content").get(0).path("text").asText()).isEqualTo("For which dates?");
    }

    @Test
    void aReCreatedFunctionCallCarriesItsIdNameAndArguments() throws Exception {
        JsonNode item = mapper.readTree(ClientEvents.functionCall("call_1", "search-hotel", "{\"city\":\"Paris\"}"))
                .path("item");
        assertThat(item.path("type").asText()).isEqualTo("function_call");
        assertThat(item.path("call_id").asText()).isEqualTo("call_1");
        assertThat(item.path("name").asText()).isEqualTo("search-hotel");
        assertThat(item.path("arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
    }
}
