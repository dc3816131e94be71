package dev.voiceagent.core.checkpoint;

import dev.voiceagent.core.config.CoreConfig;
import dev.voiceagent.core.metrics.ReconnectMetrics;
import io.vertx.redis.client.RedisAPI;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Chooses where checkpoints go ({@code core.checkpoint.store}) and says at start-up what that means. */
public class CheckpointStores {

    private static final Logger LOG = Logger.getLogger(CheckpointStores.class);

    @Produces
    @Singleton
    CheckpointStore store(CoreConfig config, Clock clock, Instance<RedisAPI> redis, ReconnectMetrics metrics) {
        CoreConfig.Checkpoint checkpoint = config.checkpoint();
        CheckpointStore store = checkpoint.store() == CoreConfig.Checkpoint.Store.REDIS
                ? new RedisCheckpointStore(redis.get(), checkpoint.ttl())
                : new InMemoryCheckpointStore(clock, checkpoint.ttl());
        return new ReportingCheckpointStore(store, metrics);
    }

    void announce(@Observes StartupEvent started, CoreConfig config) {
        CoreConfig.Checkpoint checkpoint = config.checkpoint();
        if (checkpoint.store() == CoreConfig.Checkpoint.Store.REDIS) {
            LOG.infof("conversation checkpoints: Redis (quarkus.redis.hosts), kept %d min; conversations can resume "
                    + "on any core", checkpoint.ttl().toMinutes());
        } else {
            LOG.infof("conversation checkpoints: in memory, kept %d min; a conversation can resume on this instance "
                    + "only (CORE_CHECKPOINT_STORE=redis shares them between cores)", checkpoint.ttl().toMinutes());
        }
    }

    @Produces
    @Singleton
    Optional<ResumeTokens> resumeTokens(CoreConfig config, Clock clock) {
        return config.sessionRefSecret().filter(secret -> !secret.isBlank())
                .map(secret -> new ResumeTokens(secret, clock, config.checkpoint().ttl()));
    }
}
