package dev.voiceagent.telephony.call;

/**
 * Per-connection message rate limit in one-second windows. Bursts above the limit are dropped; a client that
 * stays above it for several seconds in a row is flooding and gets disconnected.
 */
final class InboundRate {

    enum Verdict {
        ADMIT, DROP, CLOSE
    }

    private static final long SECOND = 1_000_000_000L;

    private final int perSecond;
    private final int floodSeconds;
    private long windowStart = Long.MIN_VALUE;
    private int inWindow;
    private int secondsOverLimit;

    InboundRate(StreamLimits limits) {
        this.perSecond = limits.maxMessagesPerSecond();
        this.floodSeconds = limits.floodSecondsBeforeClose();
    }

    Verdict admit(long nowNanos) {
        if (windowStart == Long.MIN_VALUE || nowNanos - windowStart >= SECOND) {
            boolean lastWindowOver = inWindow > perSecond;
            boolean consecutive = windowStart != Long.MIN_VALUE && nowNanos - windowStart < 2 * SECOND;
            secondsOverLimit = lastWindowOver && consecutive ? secondsOverLimit + 1 : 0;
            windowStart = nowNanos;
            inWindow = 0;
        }
        inWindow++;
        if (inWindow <= perSecond) {
            return Verdict.ADMIT;
        }
        return secondsOverLimit + 1 >= floodSeconds ? Verdict.CLOSE : Verdict.DROP;
    }
}
