package dev.voiceagent.core.session;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the core knows of the assistant's audio: the response in flight, how much audio each recent item had, and
 * which responses were interrupted so their late deltas are dropped. Confined to the conversation's event loop.
 */
final class AssistantAudio {

    /** Items old enough to be out of this window cannot still be playing on the caller's side. */
    private static final int ITEMS_REMEMBERED = 16;

    private final Map<String, Long> sentMsByItem = new LinkedHashMap<>(32, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > ITEMS_REMEMBERED;
        }
    };
    private final Set<String> discardedResponses = new HashSet<>();
    private String responseInFlight;
    private String currentItem;

    void responseStarted(String responseId) {
        responseInFlight = responseId;
    }

    void responseDone(String responseId) {
        if (responseId != null && responseId.equals(responseInFlight)) {
            responseInFlight = null;
        }
        discardedResponses.remove(responseId);
    }

    String responseInFlight() {
        return responseInFlight;
    }

    boolean isDiscarded(String responseId) {
        return responseId != null && discardedResponses.contains(responseId);
    }

    /** The caller barged in: later deltas of the response in flight are not played. */
    void discardResponseInFlight() {
        if (responseInFlight != null) {
            discardedResponses.add(responseInFlight);
        }
        currentItem = null;
    }

    /**
     * Records a delta of {@code millis} for the item.
     *
     * @return true when the delta starts a new item (the gateway must be told before the audio)
     */
    boolean recordDelta(String itemId, long millis) {
        sentMsByItem.merge(itemId, millis, Long::sum);
        boolean newItem = !itemId.equals(currentItem);
        currentItem = itemId;
        return newItem;
    }

    void itemDone(String itemId) {
        if (itemId != null && itemId.equals(currentItem)) {
            currentItem = null;
        }
    }

    /** Audio the core received for the item, in milliseconds; a truncation may not go past it. */
    long sentMs(String itemId) {
        return sentMsByItem.getOrDefault(itemId, -1L);
    }
}
