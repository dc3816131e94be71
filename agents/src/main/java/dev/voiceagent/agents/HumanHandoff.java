package dev.voiceagent.agents;

/**
 * An agent's capability to hand the caller to a person: the model gets the function {@value #FUNCTION} (a reason
 * and its own summary of the call), says a short line, and the gateway moves the caller to a person. Where the
 * person is reached (a phone number, a SIP address, a queue; a page's live chat) is the gateway's configuration,
 * never the agent's.
 *
 * @param target the name of a configured target (a department, e.g. {@code billing}), or null for the default
 */
public record HumanHandoff(String target) {

    /** The function the model calls. */
    public static final String FUNCTION = "transfer_to_human";

    /** To the gateway's default target. */
    public static final HumanHandoff DEFAULT = new HumanHandoff(null);

    public HumanHandoff {
        if (target != null && !target.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("human hand-off target '" + target
                    + "' must use letters, digits, '_' and '-' only");
        }
    }
}
