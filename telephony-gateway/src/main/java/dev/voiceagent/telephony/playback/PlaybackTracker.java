package dev.voiceagent.telephony.playback;

import dev.voiceagent.session.SessionMessage.HeardItem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the caller has really heard of the assistant's audio. Twilio plays queued audio in order and echoes a
 * mark once the audio before it has played, so a segment counts as heard only when its mark comes back. Between
 * two acknowledgements the segment at the head of the queue is playing in real time, which lets the position be
 * interpolated to within one frame even when the model sends large chunks. Pure logic: the caller supplies the
 * monotonic time, in nanoseconds.
 */
public final class PlaybackTracker {

    /** One chunk of assistant audio sent to Twilio, followed by its mark. */
    private record Segment(String itemId, long startMs, long endMs, String mark) {
        long lengthMs() {
            return endMs - startMs;
        }
    }

    /** Interrupted items are remembered this long (in items) to drop their late audio. */
    private static final int DISCARDED_REMEMBERED = 16;

    private final Deque<Segment> unacknowledged = new ArrayDeque<>();
    private final Map<String, Long> sentMsByItem = new LinkedHashMap<>();
    private final Set<String> discarded = new LinkedHashSet<>();
    private int generation;
    private long sequence;
    private long headStartedNanos;

    /** Whether audio for this item should still be played (false once the caller interrupted it). */
    public boolean accepts(String itemId) {
        return !discarded.contains(itemId);
    }

    /**
     * Records a chunk of {@code millis} audio of the item just sent to Twilio.
     *
     * @return the name of the mark to send right after it
     */
    public String sent(String itemId, long millis, long nowNanos) {
        long start = sentMsByItem.getOrDefault(itemId, 0L);
        long end = start + millis;
        sentMsByItem.put(itemId, end);
        String mark = itemId + ":" + end + ":g" + generation + ":m" + (++sequence);
        if (unacknowledged.isEmpty()) {
            headStartedNanos = nowNanos; // Twilio's buffer was empty: this chunk starts playing now
        }
        unacknowledged.add(new Segment(itemId, start, end, mark));
        return mark;
    }

    /**
     * Twilio echoed a mark: everything up to it has played. Marks no longer queued (echoed after a
     * {@code clear}, whose generation is in their name) and unknown ones are ignored.
     */
    public void acknowledged(String mark, long nowNanos) {
        if (unacknowledged.stream().noneMatch(segment -> segment.mark().equals(mark))) {
            return;
        }
        Segment played;
        do {
            played = unacknowledged.poll();
        } while (played != null && !played.mark().equals(mark));
        headStartedNanos = nowNanos; // the next queued chunk starts playing as this one ends
    }

    /**
     * The caller barged in. Returns, for each item still playing or queued, how much of it they heard, and
     * forgets the queue: after Twilio's {@code clear}, marks of this generation are stale and late audio of
     * these items is dropped.
     */
    public List<HeardItem> interrupt(long nowNanos) {
        Map<String, Long> heard = new LinkedHashMap<>();
        Segment head = unacknowledged.peek();
        if (head != null) {
            long playingMs = Math.min((nowNanos - headStartedNanos) / 1_000_000, head.lengthMs());
            heard.put(head.itemId(), head.startMs() + Math.max(0, playingMs));
        }
        for (Segment queued : unacknowledged) {
            heard.putIfAbsent(queued.itemId(), queued.startMs());
        }
        heard.keySet().forEach(this::discard);
        unacknowledged.clear();
        generation++;
        List<HeardItem> items = new ArrayList<>(heard.size());
        heard.forEach((item, ms) -> items.add(new HeardItem(item, ms)));
        return items;
    }

    /** Stops accepting audio of an item, e.g. the one being received when the caller interrupted. */
    public void discard(String itemId) {
        discarded.add(itemId);
        if (discarded.size() > DISCARDED_REMEMBERED) {
            discarded.remove(discarded.iterator().next());
        }
        sentMsByItem.remove(itemId);
    }

    /** Whether any sent audio has not been acknowledged yet. */
    public boolean isPlaying() {
        return !unacknowledged.isEmpty();
    }
}
