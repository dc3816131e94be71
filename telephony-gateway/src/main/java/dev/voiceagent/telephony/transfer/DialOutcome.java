package dev.voiceagent.telephony.transfer;

import java.util.Map;

/**
 * How the dial of a transfer ended, from the action callback Twilio sends: {@code DialCallStatus} of a
 * {@code <Dial>} ({@code completed}, {@code answered}, {@code busy}, {@code no-answer}, {@code failed},
 * {@code canceled}) or {@code QueueResult} of an {@code <Enqueue>} ({@code bridged}, {@code hangup},
 * {@code queue-full}, {@code error}, {@code system-error}, ...).
 */
enum DialOutcome {
    /** The person took the call; it has ended since. */
    COMPLETED("completed", null),
    /** The caller hung up while it rang. */
    CANCELED("canceled", null),
    NO_ANSWER("no_answer", "no-answer"),
    BUSY("busy", "busy"),
    FAILED("failed", "failed");

    private final String label;
    private final String statusForCore;

    DialOutcome(String label, String statusForCore) {
        this.label = label;
        this.statusForCore = statusForCore;
    }

    /** The metric label. */
    String label() {
        return label;
    }

    /** Whether the caller is still on the line without a person: back to the agent, or the message. */
    boolean callerStillThere() {
        return statusForCore != null;
    }

    /** The {@code handoff.result} status the returning caller's conversation is told. */
    String statusForCore() {
        return statusForCore;
    }

    /** Null when the callback names neither a dial status nor a queue result. */
    static DialOutcome of(Map<String, String> params) {
        String dial = params.get("DialCallStatus");
        if (dial != null) {
            return switch (dial) {
                case "completed", "answered" -> COMPLETED;
                case "canceled" -> CANCELED;
                case "busy" -> BUSY;
                case "no-answer" -> NO_ANSWER;
                default -> FAILED;
            };
        }
        String queue = params.get("QueueResult");
        if (queue != null) {
            return switch (queue) {
                case "bridged" -> COMPLETED;
                case "hangup" -> CANCELED;
                default -> FAILED;
            };
        }
        return null;
    }
}
