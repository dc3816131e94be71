package dev.voiceagent.session;

import java.util.Comparator;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Remembers the values that were used (the nonces of accepted tokens) until each would expire anyway, so that a value
 * presented twice within its lifetime is recognised as a replay. Memory is bounded twice: a value is forgotten as soon
 * as it expires, and at most {@code capacity} unexpired values are kept. A full memory refuses new values rather than
 * forgetting one early, which would let that one be replayed. Thread-safe; each use costs O(log n).
 */
public final class UsedOnce {

    /** What presenting a value found. */
    public enum Use {
        FIRST, REPLAYED, FULL
    }

    private record Entry(String value, long expiresAtMillis) {
    }

    private final int capacity;
    private final Set<String> values = new HashSet<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>(Comparator.comparingLong(Entry::expiresAtMillis));

    public UsedOnce(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Uses {@code value}, remembered until {@code expiresAtMillis}; a value already expired at {@code nowMillis} is
     * not remembered (its token is refused as expired before it gets here).
     */
    public synchronized Use use(String value, long expiresAtMillis, long nowMillis) {
        forgetExpired(nowMillis);
        if (values.contains(value)) {
            return Use.REPLAYED;
        }
        if (values.size() >= capacity) {
            return Use.FULL;
        }
        if (expiresAtMillis > nowMillis) {
            values.add(value);
            byExpiry.add(new Entry(value, expiresAtMillis));
        }
        return Use.FIRST;
    }

    /** Values remembered now (some may have expired since the last use). */
    public synchronized int size() {
        return values.size();
    }

    private void forgetExpired(long nowMillis) {
        while (!byExpiry.isEmpty() && byExpiry.peek().expiresAtMillis() <= nowMillis) {
            values.remove(byExpiry.poll().value());
        }
    }
}
