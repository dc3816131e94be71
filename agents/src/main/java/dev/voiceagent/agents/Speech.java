package dev.voiceagent.agents;

/**
 * How an agent sounds, where it differs from its channel's settings: plain data, no engine types. A null field
 * means "the channel's" (realtime-core's {@code voice.session.<channel>.voice} / {@code .speed}). The engine checks
 * the values at start-up, against what its model accepts.
 *
 * @param voice the name of a voice of the model, or null
 * @param speed how fast it speaks, as a multiple of the normal speed, or null
 */
public record Speech(String voice, Double speed) {

    /** Nothing of its own: the channel's voice and speed. */
    public static final Speech CHANNEL = new Speech(null, null);

    /** This voice at the channel's speed. */
    public static Speech voice(String voice) {
        return new Speech(voice, null);
    }

    /** The same voice at this speed. */
    public Speech withSpeed(double speed) {
        return new Speech(voice, speed);
    }
}
