package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.testsupport.bench.LoadBenchmark;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A short run of the load benchmark with its web half (docs/benchmarks.md): Socket.IO sessions beside phone calls.
 * Correctness only: every frame of every web session arrives once and in order, both ways. Speed targets live in
 * the benchmark, not here.
 */
class WebLoadSmokeIT {

    @Test
    @SuppressWarnings("unchecked")
    void webSessionsBesidePhoneCallsLoseNothing() throws Exception {
        Map<String, Object> result = LoadBenchmark.run(new LoadBenchmark.Config(5, 5, Duration.ofSeconds(5),
                Duration.ofSeconds(2)));
        Map<String, Object> web = (Map<String, Object>) result.get("web");
        assertThat(web).containsEntry("sessions", 5);
        for (String direction : new String[] {"inbound", "outbound"}) {
            Map<String, Object> frames = (Map<String, Object>) web.get(direction);
            assertThat((long) frames.get("frames")).as("web " + direction + " frames measured").isPositive();
            assertThat(frames).as("web " + direction).containsEntry("lost", 0L).containsEntry("duplicated", 0L)
                    .containsEntry("reordered", 0L);
        }
        assertThat(result).containsEntry("callsDropped", 0L);
    }
}
