package dev.voiceagent.core.mcp;

import java.time.Duration;

/** Delays between reconnection attempts: doubling from the first, never above the cap, back to the first on success. */
final class Backoff {

    private final long firstMillis;
    private final long maxMillis;
    private long nextMillis;

    Backoff(Duration first, Duration max) {
        this.firstMillis = Math.max(1, first.toMillis());
        this.maxMillis = Math.max(firstMillis, max.toMillis());
        this.nextMillis = firstMillis;
    }

    synchronized long next() {
        long delay = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return delay;
    }

    synchronized void reset() {
        nextMillis = firstMillis;
    }
}
