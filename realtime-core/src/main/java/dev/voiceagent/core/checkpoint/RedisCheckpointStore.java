package dev.voiceagent.core.checkpoint;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoints in Redis, shared by every core: one key per conversation, {@code voice:conversation:<id>}, holding
 * its JSON, with a time to live so abandoned conversations clean themselves up.
 */
public final class RedisCheckpointStore implements CheckpointStore {

    static final String PREFIX = "voice:conversation:";

    private final RedisAPI redis;
    private final Duration ttl;

    public RedisCheckpointStore(RedisAPI redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    @Override
    public Future<Void> save(Checkpoint checkpoint) {
        return redis.set(List.of(PREFIX + checkpoint.conversationId(), CheckpointJson.write(checkpoint), "PX",
                Long.toString(ttl.toMillis()))).mapEmpty();
    }

    @Override
    public Future<Optional<Checkpoint>> load(String conversationId) {
        return redis.get(PREFIX + conversationId)
                .map(value -> value == null ? Optional.<Checkpoint>empty()
                        : Optional.of(CheckpointJson.read(value.toString())));
    }

    @Override
    public Future<Void> delete(String conversationId) {
        return redis.del(List.of(PREFIX + conversationId)).mapEmpty();
    }
}
