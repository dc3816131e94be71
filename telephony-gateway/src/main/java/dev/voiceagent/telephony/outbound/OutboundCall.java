package dev.voiceagent.telephony.outbound;

import java.util.Optional;

/**
 * A call to place, checked: numbers in E.164, a known agent, a bounded context.
 *
 * @param context the call context as text for the agent's instructions, or null
 * @param machine what to do when answering-machine detection finds a machine; empty: no detection
 */
public record OutboundCall(String to, String from, String agent, String context, Optional<OnMachine> machine) {

    /** On a machine, after its greeting: leave {@code message} ({@link #LEAVE_MESSAGE}) or hang up. */
    public record OnMachine(String action, String message) {
        public static final String LEAVE_MESSAGE = "leave_message";
        public static final String HANG_UP = "hang_up";

        public boolean leavesMessage() {
            return LEAVE_MESSAGE.equals(action) && message != null;
        }
    }
}
