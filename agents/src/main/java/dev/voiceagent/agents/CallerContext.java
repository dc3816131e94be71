package dev.voiceagent.agents;

import java.time.LocalDate;

/** What the engine knows about the conversation when it renders an agent's instructions. */
public record CallerContext(String caller, LocalDate today) {

    /** The agent's instructions with {@code {{caller}}} and {@code {{today}}} filled in. */
    public String render(Agent agent) {
        return agent.instructions()
                .replace("{{caller}}", caller == null ? "unknown" : caller)
                .replace("{{today}}", today.toString());
    }
}
