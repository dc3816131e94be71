package dev.voiceagent.telephony.call;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What one media-stream connection may send and hold. A real Twilio stream stays far below every limit. */
@ConfigMapping(prefix = "stream")
public interface StreamLimits {

    /** Largest Twilio message accepted, in characters; bigger ones close the stream with 1009. */
    @WithDefault("16384")
    int maxMessageChars();

    /**
     * Audio a stream may send at once beyond real time: the backlog after a network stall passes whole up to this.
     * Rate limits count audio time, never messages (see {@link InboundGuard}).
     */
    @WithDefault("10s")
    Duration audioBurst();

    /**
     * Sustained audio per wall-clock time still admitted (1 is real time). A stream that stays above it long enough
     * to use up {@link #audioBurst()} is a flood and is closed with 1008.
     */
    @WithDefault("1.5")
    double audioRateFactor();

    /** How long a new stream may take to send Twilio's {@code start}; then it is closed with 1008. */
    @WithDefault("5s")
    Duration startTimeout();

    /**
     * Assistant audio that may wait in memory to be written to Twilio. Twilio reads as fast as it is sent, so only
     * a client that stops reading reaches it; the call then ends (close 1008, reason {@code twilio_not_reading}).
     */
    @WithDefault("10s")
    Duration maxQueuedAudio();

    /** Caller audio held while the core connection opens, in base64 characters (about 8 s). */
    @WithDefault("86000")
    int pendingAudioChars();

    /** How long a call the core has ended stays open so the caller hears its last words (e.g. a goodbye). */
    @WithDefault("10s")
    Duration playoutWait();
}
