package dev.voiceagent.web.call;

import dev.voiceagent.session.SessionMessage;

/**
 * What the page has of the agent's current audio item: how much of it was sent, what the page last reported having
 * played, and whether it was interrupted (its late audio is then dropped). From these, how much the user heard when
 * playback stops. Confined to the connection's context; times are {@link System#nanoTime()}.
 */
final class PagePlayback {

    private String currentItem;
    private String interruptedItem;
    private long firstChunkNanos;
    private long sentMs;
    private String reportedItem;
    private long reportedMs;
    private long reportedAtNanos;

    /** The audio that follows belongs to {@code itemId}. */
    void item(String itemId) {
        currentItem = itemId;
        firstChunkNanos = 0;
        sentMs = 0;
    }

    /** The current item, or null before the first. */
    String currentItem() {
        return currentItem;
    }

    /** Whether audio arriving now belongs to an item the page is to play: there is one, and it was not interrupted. */
    boolean isLive() {
        return currentItem != null && !currentItem.equals(interruptedItem);
    }

    void sent(long millis, long now) {
        if (firstChunkNanos == 0) {
            firstChunkNanos = now;
        }
        sentMs += millis;
    }

    void reported(String itemId, long playedMs, long now) {
        reportedItem = itemId;
        reportedMs = playedMs;
        reportedAtNanos = now;
    }

    /** How much of the live item the page has yet to play (0 when none is live). */
    long unplayedMs(long now) {
        return isLive() ? sentMs - heardMs(now) : 0;
    }

    /** Playback of the live item stops: its late audio is dropped. @return what the page played of it */
    SessionMessage.HeardItem interrupt(long now) {
        interruptedItem = currentItem;
        return new SessionMessage.HeardItem(currentItem, heardMs(now));
    }

    /**
     * How much of the current item the page has played: what it last reported plus the time since, or else the time
     * since its first chunk was sent, as the page plays in real time; never more than was sent.
     */
    private long heardMs(long now) {
        long estimate = currentItem.equals(reportedItem) ? reportedMs + (now - reportedAtNanos) / 1_000_000
                : firstChunkNanos == 0 ? 0 : (now - firstChunkNanos) / 1_000_000;
        return Math.min(sentMs, estimate);
    }
}
