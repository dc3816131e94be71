package dev.voiceagent.agents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents and who may hand off to whom, plus the agent each channel starts with. Validated when built, so a
 * typo in a definition fails start-up with a message that names it instead of failing a live call.
 */
public final class AgentGraph {

    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final Map<String, String> entryByChannel;

    public AgentGraph(List<Agent> agents, Map<String, String> entryByChannel) {
        for (Agent agent : agents) {
            if (this.agents.putIfAbsent(agent.name(), agent) != null) {
                throw new IllegalArgumentException("agent '" + agent.name() + "' is defined twice");
            }
        }
        for (Agent agent : agents) {
            for (String target : agent.handoffs()) {
                if (!this.agents.containsKey(target)) {
                    throw new IllegalArgumentException(
                            "agent '" + agent.name() + "' hands off to unknown agent '" + target + "'");
                }
            }
        }
        entryByChannel.forEach((channel, entry) -> {
            if (!this.agents.containsKey(entry)) {
                throw new IllegalArgumentException("channel '" + channel + "' starts with unknown agent '" + entry + "'");
            }
        });
        this.entryByChannel = Map.copyOf(entryByChannel);
    }

    /** The agent a conversation on this channel starts with. */
    public Agent entryAgent(String channel) {
        String name = entryByChannel.get(channel);
        if (name == null) {
            throw new IllegalArgumentException("no entry agent for channel '" + channel + "'");
        }
        return agents.get(name);
    }

    public Optional<Agent> agent(String name) {
        return Optional.ofNullable(agents.get(name));
    }
}
