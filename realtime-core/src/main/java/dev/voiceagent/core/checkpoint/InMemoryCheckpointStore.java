package dev.voiceagent.core.checkpoint;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checkpoints in this instance's memory: a conversation can resume here after its gateway reconnects, never on
 * another core. The local one-command start uses it; expired entries are dropped when they are read or written.
 */
public final class InMemoryCheckpointStore implements CheckpointStore {

    private record Entry(String json, long expiresAtMs) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    public InMemoryCheckpointStore(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Future<Void> save(Checkpoint checkpoint) {
        long now = clock.millis();
        entries.values().removeIf(entry -> entry.expiresAtMs() <= now);
        entries.put(checkpoint.conversationId(), new Entry(CheckpointJson.write(checkpoint), now + ttl.toMillis()));
        return Future.succeededFuture();
    }

    @Override
    public Future<Optional<Checkpoint>> load(String conversationId) {
        Entry entry = entries.get(conversationId);
        if (entry == null || entry.expiresAtMs() <= clock.millis()) {
            return Future.succeededFuture(Optional.empty());
        }
        return Future.succeededFuture(Optional.of(CheckpointJson.read(entry.json())));
    }

    @Override
    public Future<Void> delete(String conversationId) {
        entries.remove(conversationId);
        return Future.succeededFuture();
    }
}
