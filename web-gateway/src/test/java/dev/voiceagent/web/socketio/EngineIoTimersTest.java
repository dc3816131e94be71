package dev.voiceagent.web.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A re-armed heartbeat timer leaves nothing behind, and the one that is not re-armed still fires. */
class EngineIoTimersTest {

    private final EngineIoTimers timers = new EngineIoTimers();

    @AfterEach
    void shutDown() {
        timers.shutdownNow();
    }

    @Test
    void aTimerReArmedOnEveryPacketKeepsOneEntryQueued() {
        ScheduledFuture<?> timeout = timers.schedule(() -> { }, 45, TimeUnit.SECONDS);
        for (int packet = 0; packet < 10_000; packet++) { // what the library does per received packet
            timeout.cancel(false);
            timeout = timers.schedule(() -> { }, 45, TimeUnit.SECONDS);
        }
        assertThat(timers.getQueue()).hasSize(1);
        timeout.cancel(false);
        assertThat(timers.getQueue()).isEmpty();
    }

    @Test
    void aTimerThatIsNotCancelledFiresOnTheTimersThread() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        String[] thread = new String[1];
        timers.schedule(() -> {
            thread[0] = Thread.currentThread().getName();
            fired.countDown();
        }, 10, TimeUnit.MILLISECONDS);
        assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(thread[0]).isEqualTo("engineio-timers");
        assertThat(timers.getCorePoolSize()).isEqualTo(1);
    }
}
