package dev.voiceagent.core.settings;

import dev.voiceagent.agents.Agent;
import dev.voiceagent.agents.AgentGraph;
import dev.voiceagent.core.settings.SessionSettingsConfig.ChannelSettings;
import dev.voiceagent.core.settings.SessionSettingsConfig.TurnDetection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the Realtime API (GA) would refuse in the session settings and the agents' speech, found before any call. */
final class SettingsCheck {

    /** The API's built-in voices (API reference, {@code audio.output.voice}). */
    static final List<String> VOICES = List.of("alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse",
            "marin", "cedar");
    static final double MIN_SPEED = 0.25;
    static final double MAX_SPEED = 1.5;

    private SettingsCheck() {
    }

    /** One sentence per problem, naming the key or the agent; empty when all is well. */
    static List<String> problems(SessionSettingsConfig config, AgentGraph agents) {
        List<String> problems = new ArrayList<>();
        Map.of("phone", config.phone(), "web", config.web()).forEach((name, channel) ->
                channel(problems, "voice.session." + name + ".", channel));
        for (Agent agent : agents.agents()) {
            String speaker = "agent '" + agent.name() + "'";
            if (agent.speech().voice() != null) {
                voice(problems, speaker + " has voice", agent.speech().voice());
            }
            if (agent.speech().speed() != null) {
                speed(problems, speaker + " has speed", agent.speech().speed());
            }
        }
        problems.sort(null);
        return problems;
    }

    private static void channel(List<String> problems, String prefix, ChannelSettings channel) {
        voice(problems, prefix + "voice is", channel.voice());
        speed(problems, prefix + "speed is", channel.speed());
        TurnDetection vad = channel.turnDetection();
        String vadPrefix = prefix + "turn-detection.";
        if (!(vad.threshold() >= 0 && vad.threshold() <= 1)) {
            problems.add(vadPrefix + "threshold is " + vad.threshold() + ": it must be between 0 and 1");
        }
        if (vad.prefixPaddingMs() < 0) {
            problems.add(vadPrefix + "prefix-padding-ms is " + vad.prefixPaddingMs() + ": it cannot be negative");
        }
        if (vad.silenceDurationMs() < 0) {
            problems.add(vadPrefix + "silence-duration-ms is " + vad.silenceDurationMs() + ": it cannot be negative");
        }
        vad.idleTimeoutMs().ifPresent(idle -> {
            if (idle <= 0) {
                problems.add(vadPrefix + "idle-timeout-ms is " + idle + ": it must be positive");
            } else if (vad.type() != TurnDetection.Type.SERVER_VAD) {
                problems.add(vadPrefix + "idle-timeout-ms is set, but the API has it for server-vad only");
            }
        });
        channel.transcription().language().ifPresent(language -> {
            if (!language.matches("[a-z]{2}")) {
                problems.add(prefix + "transcription.language is '" + language
                        + "': it must be an ISO-639-1 code such as 'en'");
            }
        });
    }

    private static void voice(List<String> problems, String what, String voice) {
        if (!VOICES.contains(voice)) {
            problems.add(what + " '" + voice + "', which is not a voice of the Realtime API (" + String.join(", ",
                    VOICES) + ")");
        }
    }

    private static void speed(List<String> problems, String what, double speed) {
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            problems.add(what + " " + speed + ": the Realtime API accepts " + MIN_SPEED + " to " + MAX_SPEED);
        }
    }
}
