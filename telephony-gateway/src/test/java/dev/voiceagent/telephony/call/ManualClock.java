package dev.voiceagent.telephony.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The one scripted time of an in-process test: the monotonic clock and the timers a call reads, and the wall clock
 * of stream tickets, moved only by {@link #advance}. Due timers run inside {@code advance}, in order.
 */
final class ManualClock extends Clock implements LongSupplier, Timers {

    private static final long WALL_START_MS = 1_800_000_000_000L;

    private record Scheduled(long dueNanos, long order, Runnable action, boolean[] cancelled) {
    }

    private final List<Scheduled> timers = new ArrayList<>();
    private long nanos = 1_000_000_000L;
    private long order;

    void advance(Duration by) {
        long target = nanos + by.toNanos();
        while (true) {
            Scheduled next = timers.stream().filter(t -> t.dueNanos() <= target)
                    .min(Comparator.comparingLong(Scheduled::dueNanos).thenComparingLong(Scheduled::order))
                    .orElse(null);
            if (next == null) {
                break;
            }
            timers.remove(next);
            nanos = Math.max(nanos, next.dueNanos());
            if (!next.cancelled()[0]) {
                next.action().run();
            }
        }
        nanos = target;
    }

    void advanceMillis(long ms) {
        advance(Duration.ofMillis(ms));
    }

    /** Timers scheduled and neither run nor cancelled. */
    long pendingTimers() {
        return timers.stream().filter(t -> !t.cancelled()[0]).count();
    }

    @Override
    public long getAsLong() {
        return nanos;
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable action) {
        boolean[] cancelled = {false};
        timers.add(new Scheduled(nanos + delayMs * 1_000_000, order++, action, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public long millis() {
        return WALL_START_MS + nanos / 1_000_000;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
