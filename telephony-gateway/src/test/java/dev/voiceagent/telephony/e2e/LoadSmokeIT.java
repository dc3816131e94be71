package dev.voiceagent.telephony.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.testsupport.bench.LoadBenchmark;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Short runs of the load benchmark (docs/benchmarks.md) in the test suite. They check correctness only: every frame
 * arrives once and in order, both ways, and no call drops or fails to start. Speed targets live in the benchmark,
 * not here.
 */
class LoadSmokeIT {

    @Test
    @SuppressWarnings("unchecked")
    void tenCallsForFiveSecondsLoseNothing() throws Exception {
        Map<String, Object> result = LoadBenchmark.run(new LoadBenchmark.Config(10, Duration.ofSeconds(5),
                Duration.ofSeconds(1)));
        assertFramesIntact(result);
        assertThat(result).containsEntry("callsDropped", 0L);
    }

    /**
     * Calls arriving and hanging up while others talk (the churn mode, a few seconds of it): each is set up through
     * the signed webhook, greeted, interrupted and truncated at what its caller heard, and loses nothing.
     */
    @Test
    @SuppressWarnings("unchecked")
    void callsArrivingAndEndingLoseNothing() throws Exception {
        Map<String, Object> report = LoadBenchmark.traffic("churn", Map.of("rate", "2", "mean", "3", "seconds", "4",
                "warmup-calls", "4", "seed", "14"));
        Map<String, Object> run = (Map<String, Object>) report.get("run");
        int calls = (int) run.get("calls");
        assertThat(calls).as("calls placed").isPositive();
        assertFramesIntact(run);
        // A call that hangs up before its first frame has nothing that names its session: it is not counted.
        assertThat(run).containsEntry("failedToStart", 0L).containsEntry("callsDropped", 0L)
                .containsEntry("withoutUpstream", 0L)
                .containsEntry("sessionsConfigured", calls - (long) run.get("silentCalls"))
                .containsEntry("twilioViolations", 0).containsEntry("openAiViolations", 0);
        assertThat((int) run.get("truncations")).as("greetings interrupted and truncated").isPositive();
    }

    @SuppressWarnings("unchecked")
    private static void assertFramesIntact(Map<String, Object> result) {
        for (String direction : new String[] {"inbound", "outbound"}) {
            Map<String, Object> frames = (Map<String, Object>) result.get(direction);
            assertThat((long) frames.get("frames")).as(direction + " frames measured").isPositive();
            assertThat(frames).as(direction).containsEntry("lost", 0L).containsEntry("duplicated", 0L)
                    .containsEntry("reordered", 0L);
        }
    }
}
