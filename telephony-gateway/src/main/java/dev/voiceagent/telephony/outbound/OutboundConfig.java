package dev.voiceagent.telephony.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Outbound calls ({@code POST /v1/calls}): who may place them, for which agents, from which numbers, and what is
 * left on an answering machine. Placing a call also needs Twilio's REST API ({@code twilio.rest.*}).
 */
@ConfigMapping(prefix = "outbound")
public interface OutboundConfig {

    /**
     * Bearer tokens accepted on {@code /v1/calls}, comma-separated (two while rotating: old,new), from a Secret.
     * Env: OUTBOUND_API_TOKENS. Without any, every request is refused (401): outbound calls are off.
     */
    Optional<List<String>> tokens();

    /**
     * Agents a call may be placed for (names of the agent graph, which this gateway cannot see); the first is used
     * when a request names none. Env: OUTBOUND_AGENTS.
     */
    @WithDefault("front_desk_phone")
    List<String> agents();

    /**
     * Numbers calls may be placed from (E.164, the account's own); when unset any E.164 number is passed on and
     * Twilio refuses those the account does not own. Env: OUTBOUND_FROM_NUMBERS.
     */
    Optional<List<String>> fromNumbers();

    /**
     * The longest call context, in UTF-8 bytes of its text: it travels in the URL Twilio fetches the call's TwiML
     * from, which Twilio limits to 4000 characters.
     */
    @WithDefault("2048")
    int maxContextBytes();

    /** How many calls' latest status {@code GET /v1/calls/{sid}} remembers on this instance (oldest dropped). */
    @WithDefault("10000")
    int recordedCalls();

    /** What happens when answering-machine detection finds a machine. */
    AnsweringMachine answeringMachine();

    interface AnsweringMachine {

        /** Left after the beep when a request asks for a message but gives none. */
        @WithDefault("Hello, this is an automated call from our assistant. Sorry we missed you; we will call "
                + "again later. Goodbye.")
        String message();

        /** The longest message a request may give, in characters. */
        @WithDefault("500")
        int maxMessageChars();

        /** Twilio voice the message is said in ({@code <Say voice>}); Twilio's default when unset. */
        Optional<String> voice();
    }
}
