package dev.voiceagent.telephony.transfer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where a caller who asks for a person goes, and how ({@code voice.transfer.*}). A target is an E.164 number
 * ({@code +15005550006}), a SIP URI ({@code sip:desk@pbx.example.com}) or a queue ({@code queue:support}, which a
 * person takes from with {@code <Dial><Queue>}). Agents name at most a target ({@code HumanHandoff}); the addresses
 * are configuration only.
 */
@ConfigMapping(prefix = "voice.transfer")
public interface TransferConfig {

    /** The target of agents that name none. Without one (and no named target) a transfer fails. Env: TRANSFER_TARGET. */
    Optional<String> target();

    /** Named targets (departments), e.g. {@code voice.transfer.targets.billing=+15005550007}. */
    Map<String, String> targets();

    /**
     * Warm transfer: the person who answers first hears a whisper with the agent's summary (a number's or SIP
     * address's {@code url}), then is connected. Queues are taken by a person's own TwiML, so get none.
     */
    @WithDefault("false")
    boolean warm();

    /** Said to the person before the agent's summary in a warm transfer. */
    @WithDefault("A call from the voice assistant.")
    String whisperIntro();

    /** How long the person's phone rings before the dial counts as unanswered. */
    @WithDefault("30s")
    Duration dialTimeout();

    /** The caller ID the person sees; default: the caller's own number (what Twilio does). */
    Optional<String> callerId();

    /** What a caller whose person did not answer, was busy or could not be dialled gets. */
    @WithDefault("resume")
    OnNoAnswer onNoAnswer();

    /** Said before hanging up when {@link #onNoAnswer()} is {@code message}. */
    @WithDefault("Sorry, nobody can take your call right now. Please call again later. Goodbye.")
    String noAnswerMessage();

    /** The agent's summary is cut to this many characters: it travels in the TwiML, which Twilio caps at 4000. */
    @WithDefault("600")
    int maxSummaryChars();

    enum OnNoAnswer {
        /** Back to the agent: the conversation is resumed where it was and the agent is told why. */
        RESUME,
        /** {@link #noAnswerMessage()}, then the call ends. */
        MESSAGE
    }
}
