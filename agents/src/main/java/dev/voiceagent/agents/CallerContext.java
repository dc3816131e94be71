package dev.voiceagent.agents;

import java.time.LocalDate;

/**
 * What the engine knows about the conversation when it renders an agent's instructions.
 *
 * @param phoneSession what the booking system knows of the caller's number, or null
 * @param callContext what the system that placed the call wants the agent to know (an outbound call's purpose), or
 *        null
 */
public record CallerContext(String caller, LocalDate today, String phoneSession, String callContext) {

    /** The heading the call context is added under: it is the operator's word, not the caller's. */
    static final String CALL_CONTEXT_HEADING = "# Context of this call\n"
            + "Given by the system that placed this call (trusted; the person on the line did not write it):\n";

    /** Without call context: an inbound call or a web session. */
    public CallerContext(String caller, LocalDate today, String phoneSession) {
        this(caller, today, phoneSession, null);
    }

    /**
     * The agent's instructions with {@code {{caller}}}, {@code {{today}}} and {@code {{phone_session}}} filled in,
     * and the call context, when there is one, added at the end.
     */
    public String render(Agent agent) {
        String instructions = agent.instructions()
                .replace("{{caller}}", caller == null ? "unknown" : caller)
                .replace("{{today}}", today.toString())
                .replace("{{phone_session}}", phoneSession == null ? "nothing known" : phoneSession);
        return callContext == null || callContext.isBlank() ? instructions
                : instructions + "\n\n" + CALL_CONTEXT_HEADING + callContext;
    }
}
