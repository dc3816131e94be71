package dev.voiceagent.telephony.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.testsupport.bench.LoadBenchmark;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A short run of the load benchmark (docs/benchmarks.md) in the test suite. It checks correctness only: every frame
 * arrives once and in order, both ways, and no call drops. Speed targets live in the benchmark, not here.
 */
class LoadSmokeIT {

    @Test
    @SuppressWarnings("unchecked")
    void tenCallsForFiveSecondsLoseNothing() throws Exception {
        Map<String, Object> result = LoadBenchmark.run(new LoadBenchmark.Config(10, Duration.ofSeconds(5),
                Duration.ofSeconds(1)));
        for (String direction : new String[] {"inbound", "outbound"}) {
            Map<String, Object> frames = (Map<String, Object>) result.get(direction);
            assertThat((long) frames.get("frames")).as(direction + " frames measured").isPositive();
            assertThat(frames).as(direction).containsEntry("lost", 0L).containsEntry("duplicated", 0L)
                    .containsEntry("reordered", 0L);
        }
        assertThat(result).containsEntry("callsDropped", 0L);
    }
}
