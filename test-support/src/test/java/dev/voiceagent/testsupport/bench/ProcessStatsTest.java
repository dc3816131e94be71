package dev.voiceagent.testsupport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessStatsTest {

    private static final long BURN_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    private final Vertx vertx = Vertx.vertx();
    private final long pid = ProcessHandle.current().pid();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void countsEventLoopTimeApartFromTheRestOfTheProcess() throws Exception {
        ProcessStats before = ProcessStats.of(pid);
        vertx.executeBlocking(() -> {
            burn();
            return null;
        }).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        ProcessStats afterWorker = ProcessStats.of(pid);
        CompletableFuture<Void> onLoop = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            burn();
            onLoop.complete(null);
        });
        onLoop.get(30, TimeUnit.SECONDS);
        ProcessStats afterLoop = ProcessStats.of(pid);

        assertThat(afterWorker.cpuMillis() - before.cpuMillis()).isGreaterThanOrEqualTo(250);
        assertThat(afterWorker.eventLoopMillis() - before.eventLoopMillis()).isLessThan(100);
        assertThat(afterLoop.eventLoopMillis() - afterWorker.eventLoopMillis()).isGreaterThanOrEqualTo(250);
        Map<String, Double> perCallSecond = ProcessStats.breakdown(afterWorker, afterLoop, 0.1);
        assertThat(perCallSecond.get("eventLoops")).isGreaterThanOrEqualTo(2500);
        assertThat(perCallSecond.get("user") + perCallSecond.get("system")).isGreaterThanOrEqualTo(2500);
    }

    /** Spends 300 ms of the calling thread's own CPU time, however busy the machine is. */
    private static void burn() {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        while (threads.getCurrentThreadCpuTime() - start < BURN_NANOS) {
            Thread.onSpinWait();
        }
    }
}
