package dev.voiceagent.session;

import java.time.Duration;

/**
 * How long and how often a gateway tries to resume its conversations after their socket to the core is lost.
 *
 * @param window how long a conversation may stay between cores before it is given up (and its listener told
 *        {@code onClosed}); the caller's audio of this long, plus a second, is held meanwhile
 * @param firstBackoff wait before the second attempt to reach a core; doubled after each failure...
 * @param maxBackoff ...up to this
 */
public record ResumePolicy(Duration window, Duration firstBackoff, Duration maxBackoff) {

    /** About 5 s: a core's restart is not waited for, a kill -9 behind a Service is well covered. */
    public static final ResumePolicy DEFAULT = new ResumePolicy(Duration.ofSeconds(5), Duration.ofMillis(50),
            Duration.ofMillis(800));

    /** Never resumes: a lost socket ends its conversations at once. */
    public static final ResumePolicy NEVER = new ResumePolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public ResumePolicy {
        if (window.isNegative() || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("a resume policy needs window >= 0 and 0 <= firstBackoff <= maxBackoff");
        }
    }

    boolean enabled() {
        return window.isPositive();
    }

    /** Caller audio held while a conversation is between cores: the window and a second more, in the codec's bytes. */
    int pendingAudioBytes(AudioCodec codec) {
        long millis = window.toMillis() + 1_000;
        long rawBytes = millis * codec.sampleRate() * codec.bytesPerSample() / 1000;
        return (int) Math.min(Integer.MAX_VALUE, (rawBytes + 2) / 3 * 4); // as base64 text
    }
}
