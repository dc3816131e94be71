package dev.voiceagent.agents;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        requireAllReachable();
    }

    /** An agent no entry agent can hand off to, directly or not, is a mistake in the graph. */
    private void requireAllReachable() {
        Set<String> reached = new HashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(entryByChannel.values());
        while (!toVisit.isEmpty()) {
            String name = toVisit.poll();
            if (reached.add(name)) {
                toVisit.addAll(agents.get(name).handoffs());
            }
        }
        for (String name : agents.keySet()) {
            if (!reached.contains(name)) {
                throw new IllegalArgumentException("agent '" + name + "' cannot be reached from any channel's entry agent");
            }
        }
    }

    /** Every agent, in definition order. */
    public Collection<Agent> agents() {
        return agents.values();
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
