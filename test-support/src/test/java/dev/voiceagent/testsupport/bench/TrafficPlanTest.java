package dev.voiceagent.testsupport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrafficPlanTest {

    @Test
    void spreadsCallsEvenlyOverTheWindow() {
        TrafficPlan plan = TrafficPlan.spread(4, Duration.ofSeconds(1), Duration.ofSeconds(20));

        assertThat(plan.arrivals()).extracting(TrafficPlan.Arrival::atMillis).containsExactly(0L, 250L, 500L, 750L);
        assertThat(plan.arrivals()).extracting(TrafficPlan.Arrival::durationMillis).containsOnly(20_000L);
    }

    @Test
    void churnArrivesAtTheRateWithLengthsOfTheMeanCutAtFourTimesIt() {
        TrafficPlan plan = TrafficPlan.churn(5, Duration.ofSeconds(20), Duration.ofSeconds(2000), 14);

        assertThat(plan.calls()).as("about rate x time arrivals").isCloseTo(10_000, within(400));
        assertThat(plan.arrivals()).isSortedAccordingTo((a, b) -> Long.compare(a.atMillis(), b.atMillis()));
        assertThat(plan.arrivals().getLast().atMillis()).isLessThan(2_000_000);
        double meanLength = plan.arrivals().stream().mapToLong(TrafficPlan.Arrival::durationMillis).average()
                .orElseThrow();
        // The cut at 80 s takes e^-4 of the mass above it: the mean falls from 20 s to about 19.6 s.
        assertThat(meanLength).isCloseTo(19_630, within(600.0));
        assertThat(plan.longestMillis()).isLessThanOrEqualTo(80_000);
    }

    @Test
    void churnIsTheSameForTheSameSeed() {
        assertThat(TrafficPlan.churn(5, Duration.ofSeconds(20), Duration.ofSeconds(60), 7))
                .isEqualTo(TrafficPlan.churn(5, Duration.ofSeconds(20), Duration.ofSeconds(60), 7))
                .isNotEqualTo(TrafficPlan.churn(5, Duration.ofSeconds(20), Duration.ofSeconds(60), 8));
    }
}
