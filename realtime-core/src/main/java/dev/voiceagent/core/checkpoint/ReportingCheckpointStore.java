package dev.voiceagent.core.checkpoint;

import dev.voiceagent.core.metrics.ReconnectMetrics;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Counts failed checkpoint writes and says so in the log once per outage (and once when writes work again), so a
 * store that is down costs the resume guarantee, never a call, and never floods the log.
 */
final class ReportingCheckpointStore implements CheckpointStore {

    private static final Logger LOG = Logger.getLogger(ReportingCheckpointStore.class);

    private final CheckpointStore store;
    private final ReconnectMetrics metrics;
    private final AtomicBoolean failing = new AtomicBoolean();

    ReportingCheckpointStore(CheckpointStore store, ReconnectMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public Future<Void> save(Checkpoint checkpoint) {
        return store.save(checkpoint).onComplete(result -> {
            if (result.failed()) {
                metrics.checkpointFailed();
                if (failing.compareAndSet(false, true)) {
                    LOG.warnf("conversation checkpoints cannot be written (%s); calls go on, but cannot resume "
                            + "on another core until they can", result.cause().getMessage());
                }
            } else if (failing.compareAndSet(true, false)) {
                LOG.info("conversation checkpoints are written again");
            }
        });
    }

    @Override
    public Future<Optional<Checkpoint>> load(String conversationId) {
        return store.load(conversationId);
    }

    @Override
    public Future<Void> delete(String conversationId) {
        return store.delete(conversationId);
    }
}
