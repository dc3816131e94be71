package dev.voiceagent.testsupport.bench;

import java.util.Arrays;

/** Latency percentiles in milliseconds. */
record Percentiles(long samples, double p50, double p95, double p99, double max) {

    static Percentiles of(long[] nanos) {
        if (nanos.length == 0) {
            return new Percentiles(0, 0, 0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("p50 %.2f  p95 %.2f  p99 %.2f  max %.2f ms (%d samples)", p50, p95, p99, max, samples);
    }
}
