package dev.voiceagent.testsupport.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * When each call of a traffic run arrives (its webhook, from the start of the run) and how long it lasts (from its
 * media stream's start to its hang-up). Seeded, so the same command replays the same traffic.
 */
record TrafficPlan(List<Arrival> arrivals) {

    record Arrival(long atMillis, long durationMillis) {
    }

    /** {@code calls} calls, evenly spread over {@code window}, each lasting {@code length}. */
    static TrafficPlan spread(int calls, Duration window, Duration length) {
        List<Arrival> arrivals = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            arrivals.add(new Arrival(window.toMillis() * i / calls, length.toMillis()));
        }
        return new TrafficPlan(List.copyOf(arrivals));
    }

    /**
     * Arrivals as a Poisson process at {@code ratePerSecond} for {@code arriving}, each call lasting an exponentially
     * distributed time with mean {@code meanLength} (cut at four times the mean, so a run ends), so that about
     * {@code ratePerSecond x meanLength} calls are up at once.
     */
    static TrafficPlan churn(double ratePerSecond, Duration meanLength, Duration arriving, long seed) {
        Random random = new Random(seed);
        List<Arrival> arrivals = new ArrayList<>();
        double meanMillis = meanLength.toMillis();
        double at = exponential(random, 1000 / ratePerSecond);
        while (at < arriving.toMillis()) {
            long length = (long) Math.min(exponential(random, meanMillis), 4 * meanMillis);
            arrivals.add(new Arrival((long) at, length));
            at += exponential(random, 1000 / ratePerSecond);
        }
        return new TrafficPlan(List.copyOf(arrivals));
    }

    int calls() {
        return arrivals.size();
    }

    long longestMillis() {
        return arrivals.stream().mapToLong(Arrival::durationMillis).max().orElse(0);
    }

    private static double exponential(Random random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
