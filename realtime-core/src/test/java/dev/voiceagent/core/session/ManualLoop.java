package dev.voiceagent.core.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.PriorityQueue;

/** A conversation loop for plain tests: runs actions at once, and timers when the test moves its clock on. */
final class ManualLoop implements ConversationLoop {

    private record Timer(long id, long dueMs, Runnable action) {
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            Comparator.comparingLong(Timer::dueMs).thenComparingLong(Timer::id));
    private long nowMs = Instant.parse("2026-11-30T10:00:00Z").toEpochMilli();
    private long nextId;

    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(nowMs);
        }
    };

    @Override
    public void execute(Runnable action) {
        action.run();
    }

    @Override
    public long schedule(Duration delay, Runnable action) {
        Timer timer = new Timer(nextId++, nowMs + delay.toMillis(), action);
        timers.add(timer);
        return timer.id();
    }

    @Override
    public void cancel(long timer) {
        timers.removeIf(t -> t.id() == timer);
    }

    /** Moves the clock on by {@code duration}, running the timers due on the way, in order. */
    void advance(Duration duration) {
        long until = nowMs + duration.toMillis();
        while (!timers.isEmpty() && timers.peek().dueMs() <= until) {
            Timer due = timers.poll();
            nowMs = due.dueMs();
            due.action().run();
        }
        nowMs = until;
    }

    long nowMs() {
        return nowMs;
    }
}
