package dev.voiceagent.core.checkpoint;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Where conversations are checkpointed, so a conversation can go on on another core. Each checkpoint replaces the
 * conversation's previous one and expires after {@code core.checkpoint.ttl}. Futures complete on the caller's
 * context when it has one.
 */
public interface CheckpointStore {

    Future<Void> save(Checkpoint checkpoint);

    Future<Optional<Checkpoint>> load(String conversationId);

    Future<Void> delete(String conversationId);
}
