package dev.voiceagent.session;

/**
 * A rate limit on audio time, not on messages: a token bucket whose tokens are milliseconds of audio. It refills
 * at {@code realtimeFactor} milliseconds per millisecond of wall time up to {@code burstMs}, and starts full. A
 * normally paced caller never runs it down, a backlog after a network stall (up to {@code burstMs} of audio at
 * once) passes whole, and only input sustained well above real time exhausts it: that is a flood.
 *
 * <p>Not thread-safe: confined to the connection's event loop. Time comes from the caller (monotonic nanoseconds),
 * so tests can script it.
 */
public final class AudioBudget {

    private final double burstMs;
    private final double realtimeFactor;
    private double tokensMs;
    private long lastNanos;
    private boolean started;

    /**
     * @param burstMs audio that may arrive at once, in milliseconds (at least a few seconds: a stall's backlog)
     * @param realtimeFactor sustained audio per wall-clock time that is still admitted (above 1: jitter, catch-up)
     */
    public AudioBudget(long burstMs, double realtimeFactor) {
        if (burstMs <= 0 || realtimeFactor < 1.0) {
            throw new IllegalArgumentException("burst must be positive and the factor at least 1");
        }
        this.burstMs = burstMs;
        this.realtimeFactor = realtimeFactor;
        this.tokensMs = burstMs;
    }

    /** Spends {@code audioMs}; false when the budget is exhausted (the sender is flooding). */
    public boolean admit(long audioMs, long nowNanos) {
        if (started) {
            double elapsedMs = (nowNanos - lastNanos) / 1_000_000.0;
            tokensMs = Math.min(burstMs, tokensMs + Math.max(0, elapsedMs) * realtimeFactor);
        }
        started = true;
        lastNanos = nowNanos;
        if (tokensMs < audioMs) {
            return false;
        }
        tokensMs -= audioMs;
        return true;
    }
}
