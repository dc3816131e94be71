package dev.voiceagent.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voiceagent.agents.Agent;
import dev.voiceagent.agents.AgentGraph;
import dev.voiceagent.agents.DemoAgents;
import dev.voiceagent.agents.Speech;
import dev.voiceagent.session.Channel;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings the API would refuse stop start-up, each named with its key or agent. */
class SessionSettingsTest {

    private static SessionSettings settings(Map<String, String> properties) {
        return new SessionSettings(new SmallRyeConfigBuilder().withMapping(SessionSettingsConfig.class)
                .withDefaultValues(properties).build().getConfigMapping(SessionSettingsConfig.class));
    }

    @Test
    void theDocumentedDefaultsAndTheDemoAgentsStartUp() {
        assertThatCode(() -> settings(Map.of()).check(null, DemoAgents.graph())).doesNotThrowAnyException();
    }

    @Test
    void everyProblemIsNamedInOneMessage() {
        SessionSettings settings = settings(Map.of("voice.session.web.speed", "2",
                "voice.session.phone.voice", "marine",
                "voice.session.phone.turn-detection.threshold", "1.5",
                "voice.session.web.turn-detection.silence-duration-ms", "-1",
                "voice.session.web.transcription.language", "English"));
        assertThatThrownBy(() -> settings.check(null, DemoAgents.graph()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("invalid session settings: ")
                .hasMessageContaining("voice.session.web.speed is 2.0: the Realtime API accepts 0.25 to 1.5")
                .hasMessageContaining("voice.session.phone.voice is 'marine', which is not a voice")
                .hasMessageContaining("voice.session.phone.turn-detection.threshold is 1.5")
                .hasMessageContaining("voice.session.web.turn-detection.silence-duration-ms is -1")
                .hasMessageContaining("voice.session.web.transcription.language is 'English'");
    }

    @Test
    void anIdleTimeoutIsForServerVadOnly() {
        SessionSettings settings = settings(Map.of("voice.session.phone.turn-detection.type", "semantic-vad",
                "voice.session.phone.turn-detection.idle-timeout-ms", "5000"));
        assertThatThrownBy(() -> settings.check(null, DemoAgents.graph()))
                .hasMessageContaining("voice.session.phone.turn-detection.idle-timeout-ms is set, but the API has it "
                        + "for server-vad only");
    }

    @Test
    void anAgentsOwnVoiceAndSpeedAreCheckedToo() {
        AgentGraph graph = new AgentGraph(List.of(new Agent("front", "d", "i", List.of(), List.of(),
                new Speech("robot", 0.1))), Map.of("phone", "front", "web", "front"));
        assertThatThrownBy(() -> settings(Map.of()).check(null, graph))
                .hasMessageContaining("agent 'front' has voice 'robot'")
                .hasMessageContaining("agent 'front' has speed 0.1");
    }

    @Test
    void theAgentsOwnVoiceAndSpeedComeFirstThenTheChannels() {
        SessionSettings settings = settings(Map.of("voice.session.phone.speed", "0.9"));
        assertThat(settings.voice(Channel.PHONE, new Speech("cedar", null))).isEqualTo("cedar");
        assertThat(settings.speed(Channel.PHONE, new Speech("cedar", null))).isEqualTo(0.9);
        assertThat(settings.speed(Channel.WEB, Speech.CHANNEL)).isEqualTo(1.2);
        assertThat(settings.speed(Channel.WEB, Speech.voice("ash").withSpeed(1.0)))
                .isEqualTo(1.0);
    }
}
