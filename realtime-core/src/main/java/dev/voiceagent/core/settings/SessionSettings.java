package dev.voiceagent.core.settings;

import dev.voiceagent.agents.AgentGraph;
import dev.voiceagent.agents.Speech;
import dev.voiceagent.session.Channel;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The session settings of each channel, and the voice and speed of a conversation: the starting agent's own
 * ({@link Speech}) where it has them, the channel's otherwise. Invalid settings stop start-up with a message naming
 * each key or agent at fault, instead of failing every call with the API's error.
 */
@ApplicationScoped
public class SessionSettings {

    private final SessionSettingsConfig config;

    public SessionSettings(SessionSettingsConfig config) {
        this.config = config;
    }

    void check(@Observes StartupEvent started, AgentGraph agents) {
        List<String> problems = SettingsCheck.problems(config, agents);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid session settings: " + String.join("; ", problems));
        }
    }

    public SessionSettingsConfig.ChannelSettings channel(Channel channel) {
        return switch (channel) {
            case PHONE -> config.phone();
            case WEB -> config.web();
        };
    }

    /** The voice of a conversation on this channel that {@code speech}'s agent starts. */
    public String voice(Channel channel, Speech speech) {
        return speech.voice() != null ? speech.voice() : channel(channel).voice();
    }

    /** The speed of a conversation on this channel that {@code speech}'s agent starts. */
    public double speed(Channel channel, Speech speech) {
        return speech.speed() != null ? speech.speed() : channel(channel).speed();
    }
}
