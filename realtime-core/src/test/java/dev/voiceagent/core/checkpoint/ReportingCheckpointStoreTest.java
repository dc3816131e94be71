package dev.voiceagent.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.core.metrics.ReconnectMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redis down: every checkpoint not written is counted, and the conversation's futures still complete. */
class ReportingCheckpointStoreTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void countsEveryCheckpointARedisThatIsDownDoesNotTake() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CheckpointStore store = new ReportingCheckpointStore(new RedisCheckpointStore(
                RedisCheckpointStoreTest.redis(vertx, "redis://127.0.0.1:1"), Duration.ofMinutes(10)),
                new ReconnectMetrics(meters));
        for (int turn = 0; turn < 3; turn++) {
            store.save(new Checkpoint("conv-1", "front_desk_phone", null, List.of()));
        }
        await().until(() -> meters.find("voice.core.checkpoint.failures").counter() != null
                && meters.find("voice.core.checkpoint.failures").counter().count() == 3);
        assertThat(meters.find("voice.core.checkpoint.failures").counter().count()).isEqualTo(3);
    }
}
