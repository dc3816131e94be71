package dev.voiceagent.core.loopback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The offline {@code loopback} provider ({@code openai.provider=loopback}): it hears the caller with an energy
 * detector and plays each utterance back, so both channels, barge-in, hand-offs and tools can be tried with no
 * network and no key. It is not a model; everything it says is marked "loopback (no AI)".
 */
@ConfigMapping(prefix = "loopback")
public interface LoopbackConfig {

    /** Loudness (RMS, dB below full scale) above which a 20 ms window counts as speech. Phone line noise is ~-60. */
    @WithDefault("-40")
    double speechThresholdDbfs();

    /** Speech this long starts a turn; shorter sounds (clicks, a cough) are ignored. */
    @WithDefault("60ms")
    Duration minSpeech();

    /** The longest utterance kept for the echo; the rest of a long monologue is not played back. */
    @WithDefault("15s")
    Duration maxEcho();

    /** How much faster than real time replies are streamed; the real API streams in bursts too. */
    @WithDefault("4")
    double streamingSpeed();

    /**
     * What a keypad key makes the "model" do, e.g. {@code loopback.keys."1".function=transfer_to_hotel_booking}.
     * realtime-core's application.properties maps 1 to the hand-off to the hotel desk and 2 to a hotel search.
     */
    Map<String, KeyAction> keys();

    interface KeyAction {
        /** The function to call; it must be one of the current agent's tools. */
        String function();

        /** JSON arguments; {@code {{today+N}}} becomes the date N days from now (YYYY-MM-DD). */
        Optional<String> arguments();
    }
}
