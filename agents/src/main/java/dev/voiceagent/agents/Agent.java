package dev.voiceagent.agents;

import java.util.List;
import java.util.Objects;

/**
 * One agent of the graph, as data: no engine types. The engine turns it into a Realtime session configuration.
 *
 * @param name unique, machine-friendly name (letters, digits, underscores); the hand-off to it is the function
 *        {@code transfer_to_<name>}
 * @param description what the agent is for; other agents see it as the description of the hand-off to it
 * @param instructions system prompt, a template: {@code {{caller}}}, {@code {{today}}} and
 *        {@code {{phone_session}}} are filled in per call
 * @param tools the MCP tools it may call
 * @param handoffs names of the agents it may hand the conversation to
 * @param speech its voice and speed where they differ from the channel's; they apply when this agent starts the
 *        conversation, for the whole conversation: an agent handed to keeps the voice and speed the caller has been
 *        hearing (the Realtime API cannot change the voice once audio has been produced)
 * @param humanHandoff whether (and to which configured target) it may hand the caller to a person, or null
 */
public record Agent(String name, String description, String instructions, List<ToolReference> tools,
        List<String> handoffs, Speech speech, HumanHandoff humanHandoff) {

    /** An agent that speaks with its channel's voice and speed. */
    public Agent(String name, String description, String instructions, List<ToolReference> tools,
            List<String> handoffs) {
        this(name, description, instructions, tools, handoffs, Speech.CHANNEL, null);
    }

    public Agent(String name, String description, String instructions, List<ToolReference> tools,
            List<String> handoffs, Speech speech) {
        this(name, description, instructions, tools, handoffs, speech, null);
    }

    public Agent {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("agent name '" + name + "' must use letters, digits and '_' only");
        }
        if (("transfer_to_" + name).equals(HumanHandoff.FUNCTION)) {
            throw new IllegalArgumentException("agent name '" + name + "' is taken: " + HumanHandoff.FUNCTION
                    + " hands the caller to a person");
        }
        Objects.requireNonNull(instructions, "instructions of " + name);
        tools = List.copyOf(tools);
        handoffs = List.copyOf(handoffs);
        speech = speech == null ? Speech.CHANNEL : speech;
    }

    /** This agent, able to hand the caller to a person at {@code handoff}'s target. */
    public Agent withHumanHandoff(HumanHandoff handoff) {
        return new Agent(name, description, instructions, tools, handoffs, speech, handoff);
    }

    /** The name of the function other agents call to hand the conversation to this one. */
    public String transferFunction() {
        return "transfer_to_" + name;
    }
}
