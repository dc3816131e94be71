package dev.voiceagent.agents;

import java.time.LocalDate;

/**
 * What the engine knows about the conversation when it renders an agent's instructions.
 *
 * @param phoneSession what the booking system knows of the caller's number, or null
 */
public record CallerContext(String caller, LocalDate today, String phoneSession) {

    /** The agent's instructions with {@code {{caller}}}, {@code {{today}}} and {@code {{phone_session}}} filled in. */
    public String render(Agent agent) {
        return agent.instructions()
                .replace("{{caller}}", caller == null ? "unknown" : caller)
                .replace("{{today}}", today.toString())
                .replace("{{phone_session}}", phoneSession == null ? "nothing known" : phoneSession);
    }
}
