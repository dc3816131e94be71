package dev.voiceagent.web.access;

import dev.voiceagent.web.config.WebConfig;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How much one client address and the whole gateway may hold at once: Engine.IO connections per address,
 * conversations per address, and conversations in all. Counts what is open now, never what was opened before, so a
 * widget that starts and ends sessions one after another on one connection is never refused.
 */
@Singleton
public class Capacity {

    /** A refused conversation: the metric label and the reason the page reads in SESSION_START_ERROR. */
    public record Refusal(String kind, String reason) {
    }

    private final WebConfig.Limits limits;
    private final Map<String, Integer> connections = new ConcurrentHashMap<>();
    private final Map<String, Integer> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger allSessions = new AtomicInteger();

    public Capacity(WebConfig config) {
        this.limits = config.limits();
    }

    /** Takes a connection slot of {@code address}; false when it holds as many as allowed. */
    public boolean openConnection(String address) {
        return take(connections, address, limits.connectionsPerAddress());
    }

    public void connectionClosed(String address) {
        release(connections, address);
    }

    /** Takes a conversation slot, or says why there is none. */
    public Optional<Refusal> openSession(String address) {
        if (allSessions.incrementAndGet() > limits.maxSessions()) {
            allSessions.decrementAndGet();
            return Optional.of(new Refusal("capacity", "the voice service is busy; please try again in a moment"));
        }
        if (!take(sessions, address, limits.sessionsPerAddress())) {
            allSessions.decrementAndGet();
            return Optional.of(new Refusal("address_sessions",
                    "too many conversations from your network at once; end one first"));
        }
        return Optional.empty();
    }

    public void sessionClosed(String address) {
        release(sessions, address);
        allSessions.decrementAndGet();
    }

    private static boolean take(Map<String, Integer> counts, String address, int max) {
        boolean[] taken = new boolean[1];
        counts.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            taken[0] = current < max;
            return taken[0] ? current + 1 : count;
        });
        return taken[0];
    }

    private static void release(Map<String, Integer> counts, String address) {
        counts.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }
}
