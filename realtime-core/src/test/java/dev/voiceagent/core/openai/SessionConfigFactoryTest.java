package dev.voiceagent.core.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voiceagent.agents.Speech;
import dev.voiceagent.core.settings.SessionSettings;
import dev.voiceagent.core.settings.SessionSettingsConfig;
import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exact {@code session.update} each channel gets, from the documented defaults of {@code voice.session.*}, the
 * configured values and the starting agent's own voice and speed.
 */
class SessionConfigFactoryTest {

    private final ObjectMapper json = new ObjectMapper();

    private static SessionConfigFactory factory(Map<String, String> properties) {
        SessionSettingsConfig config = new SmallRyeConfigBuilder().withMapping(SessionSettingsConfig.class)
                .withDefaultValues(properties).build().getConfigMapping(SessionSettingsConfig.class);
        return new SessionConfigFactory(new SessionSettings(config));
    }

    private JsonNode update(SessionConfigFactory factory, Channel channel, AudioCodec codec, Speech speech)
            throws Exception {
        String event = ClientEvents.sessionUpdate(factory.session(channel, codec, "Be brief.", speech));
        OfficialClientEvents.check(event);
        return json.readTree(event);
    }

    private JsonNode expected(String session) throws Exception {
        return json.readTree("{\"type\":\"session.update\",\"session\":" + session + "}");
    }

    @Test
    void aPhoneCallGetsTheApisTurnDetectionAndTheFastTranscriptionModel() throws Exception {
        assertThat(update(factory(Map.of()), Channel.PHONE, AudioCodec.PCMU, Speech.CHANNEL)).isEqualTo(expected("""
                {"type":"realtime","instructions":"Be brief.","output_modalities":["audio"],
                 "audio":{"input":{"format":{"type":"audio/pcmu"},
                                   "transcription":{"model":"gpt-4o-mini-transcribe"},
                                   "turn_detection":{"type":"server_vad","threshold":0.5,"prefix_padding_ms":300,
                                                     "silence_duration_ms":500,"create_response":true,
                                                     "interrupt_response":true}},
                          "output":{"format":{"type":"audio/pcmu"},"voice":"marin","speed":1.0}},
                 "tools":[],"tool_choice":"auto"}"""));
    }

    @Test
    void aWebConversationGetsTheOriginalDesignsWebTuning() throws Exception {
        assertThat(update(factory(Map.of()), Channel.WEB, AudioCodec.PCM16, Speech.CHANNEL)).isEqualTo(expected("""
                {"type":"realtime","instructions":"Be brief.","output_modalities":["audio"],
                 "audio":{"input":{"format":{"type":"audio/pcm","rate":24000},
                                   "transcription":{"model":"gpt-4o-transcribe","language":"en",
                                       "prompt":"This is the conversation between a user and an AI trip booking assistant. The language of the audio is English."},
                                   "turn_detection":{"type":"server_vad","threshold":0.5,"prefix_padding_ms":300,
                                                     "silence_duration_ms":2000,"create_response":true,
                                                     "interrupt_response":true}},
                          "output":{"format":{"type":"audio/pcm","rate":24000},"voice":"marin","speed":1.2}},
                 "tools":[],"tool_choice":"auto"}"""));
    }

    @Test
    void theAgentsOwnVoiceAndSpeedWinOverTheChannelsOnASessionsFirstUpdateOnly() throws Exception {
        SessionConfigFactory factory = factory(Map.of("voice.session.web.voice", "coral",
                "voice.session.web.speed", "1.1", "voice.session.web.turn-detection.silence-duration-ms", "1200"));
        JsonNode channelOnly = update(factory, Channel.WEB, AudioCodec.PCM16, Speech.CHANNEL).path("session");
        assertThat(channelOnly.path("audio").path("output").path("voice").asText()).isEqualTo("coral");
        assertThat(channelOnly.path("audio").path("output").path("speed").asDouble()).isEqualTo(1.1);

        JsonNode agents = update(factory, Channel.WEB, AudioCodec.PCM16, new Speech("cedar", 1.4)).path("session");
        assertThat(agents.path("audio").path("output")).isEqualTo(json.readTree("""
                {"format":{"type":"audio/pcm","rate":24000},"voice":"cedar","speed":1.4}"""));
        assertThat(agents.path("audio").path("input").path("turn_detection").path("silence_duration_ms").asInt())
                .as("the channel's configured value over its default").isEqualTo(1200);

        JsonNode later = update(factory, Channel.WEB, AudioCodec.PCM16, null).path("session");
        assertThat(later.path("audio").path("output")).as("voice and speed stay as the session began")
                .isEqualTo(json.readTree("{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000}}"));
        assertThat(later.path("audio").path("input")).isEqualTo(agents.path("audio").path("input"));
    }

    @Test
    void semanticVadCarriesOnlyItsOwnFieldsWithNoiseReductionAndNoTranscription() throws Exception {
        SessionConfigFactory factory = factory(Map.of("voice.session.phone.turn-detection.type", "semantic-vad",
                "voice.session.phone.turn-detection.eagerness", "high",
                "voice.session.phone.turn-detection.interrupt-response", "false",
                "voice.session.phone.noise-reduction", "far-field",
                "voice.session.phone.transcription.model", ""));
        assertThat(update(factory, Channel.PHONE, AudioCodec.PCMU, Speech.voice("sage"))).isEqualTo(expected("""
                {"type":"realtime","instructions":"Be brief.","output_modalities":["audio"],
                 "audio":{"input":{"format":{"type":"audio/pcmu"},"noise_reduction":{"type":"far_field"},
                                   "turn_detection":{"type":"semantic_vad","eagerness":"high","create_response":true,
                                                     "interrupt_response":false}},
                          "output":{"format":{"type":"audio/pcmu"},"voice":"sage","speed":1.0}},
                 "tools":[],"tool_choice":"auto"}"""));
    }

    @Test
    void anIdleTimeoutIsSentWithServerVad() throws Exception {
        JsonNode vad = update(factory(Map.of("voice.session.phone.turn-detection.idle-timeout-ms", "6000")),
                Channel.PHONE, AudioCodec.PCMU, null).path("session").path("audio").path("input")
                .path("turn_detection");
        assertThat(vad.path("idle_timeout_ms").asInt()).isEqualTo(6000);
        assertThat(vad.path("silence_duration_ms").asInt()).isEqualTo(500);
    }
}
