package dev.voiceagent.core.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The drift check itself: what the official models accept passes, what the real API refuses is reported. The core's
 * own events are checked wherever they are produced in the in-process tests (FakeModel checks every event it is
 * sent).
 */
class OfficialClientEventsTest {

    @Test
    void theEventsTheCoreBuildsMatchTheOfficialModels() {
        assertThat(OfficialClientEvents.problems(ClientEvents.appendAudio("//7+/v7+"))).isEmpty();
        assertThat(OfficialClientEvents.problems(ClientEvents.truncate("item_1", 640))).isEmpty();
        assertThat(OfficialClientEvents.problems(ClientEvents.responseCancel())).isEmpty();
        assertThat(OfficialClientEvents.problems(ClientEvents.outOfBandResponse("Say goodbye."))).isEmpty();
        assertThat(OfficialClientEvents.problems(ClientEvents.functionCall("call_1", "search", "{}"))).isEmpty();
        assertThat(OfficialClientEvents.problems(ClientEvents.functionCallOutput("call_1", "{\"ok\":true}")))
                .isEmpty();
        assertThat(OfficialClientEvents.problems(ClientEvents.userMessage("hello"))).isEmpty();
        assertThat(OfficialClientEvents.problems(ClientEvents.assistantMessage("hi there"))).isEmpty();
        assertThat(OfficialClientEvents.problems(ClientEvents.systemNote("the caller is back"))).isEmpty();
    }

    @Test
    void aBetaEraOrMisspeltSessionFieldIsReportedWithItsPath() {
        assertThat(OfficialClientEvents.problems(
                "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"input_audio_format\":\"pcm16\"}}"))
                .singleElement().asString().contains("input_audio_format");
        assertThat(OfficialClientEvents.problems("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\","
                + "\"audio\":{\"input\":{\"turn_detection\":{\"type\":\"server_vad\",\"thresold\":0.5}}}}}"))
                .singleElement().asString().contains("turnDetection").contains("thresold");
    }

    @Test
    void anUnknownEventTypeAMissingRequiredFieldAndAnUnknownEnumValueAreReported() {
        assertThat(OfficialClientEvents.problems("{\"type\":\"conversation.item.truncat\",\"item_id\":\"x\"}"))
                .isNotEmpty();
        assertThat(OfficialClientEvents.problems("{\"type\":\"conversation.item.truncate\",\"item_id\":\"x\"}"))
                .singleElement().asString().contains("audio_end_ms");
        assertThat(OfficialClientEvents.problems("{\"type\":\"response.create\",\"response\":"
                + "{\"conversation\":\"none\",\"output_modalities\":[\"smell\"]}}"))
                .singleElement().asString().contains("smell");
    }
}
