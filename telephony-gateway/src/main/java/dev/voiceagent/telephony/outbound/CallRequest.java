package dev.voiceagent.telephony.outbound;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/calls}, for its documentation; {@link CallRequestCheck} reads and checks it. */
@Schema(name = "CallRequest", description = "A call to place. Unknown properties are refused.")
public record CallRequest(
        @Schema(required = true, description = "The number to call, E.164", example = "+14155550100")
        String to,
        @Schema(required = true, description = "The caller ID: a number of the Twilio account, E.164 (one of "
                + "outbound.from-numbers when configured)", example = "+18005550199")
        String from,
        @Schema(description = "The agent that talks (one of outbound.agents); the first of them when absent",
                example = "front_desk_phone")
        String agent,
        @Schema(oneOf = {String.class, Map.class}, description = "What the agent should know about this call: "
                + "text, or a JSON object given to the agent as compact JSON; at most outbound.max-context-bytes "
                + "(2048) bytes of UTF-8. It reaches Twilio (in the URL of the call's TwiML), so put no secrets in it.",
                example = "{\"purpose\":\"remind Jane of her hotel booking on Friday\",\"name\":\"Jane\"}")
        Object context,
        @Schema(description = "Detect answering machines and what to do on one; no detection when absent")
        AnsweringMachine answeringMachine) {

    /** Answering-machine detection (Twilio's asynchronous AMD, waiting for the end of the greeting). */
    @Schema(name = "AnsweringMachine")
    public record AnsweringMachine(
            @Schema(enumeration = {"leave_message", "hang_up"}, defaultValue = "leave_message",
                    description = "After the greeting's beep (or silence): leave the message, or hang up")
            String action,
            @Schema(description = "The message said after the beep (in outbound.answering-machine.voice); "
                    + "outbound.answering-machine.message when absent; at most 500 characters")
            String message) {
    }
}
