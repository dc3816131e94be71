package dev.voiceagent.testsupport.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * What every service's metrics promise the dashboards and alerts: each family says what it counts (a non-empty
 * {@code # HELP}), nothing is a client-side percentile (a {@code quantile} series cannot be aggregated across pods),
 * and latencies are histograms whose {@code le} buckets are the documented service level objectives.
 */
public final class MetricsContract {

    private MetricsContract() {
    }

    /**
     * Every family named {@code prefix...} has a HELP text, is no summary and has no {@code quantile} series; there
     * is at least one.
     */
    public static void assertDocumentedAndAggregatable(Exposition exposition, String prefix) {
        List<Exposition.Family> families = exposition.withPrefix(prefix);
        if (families.isEmpty()) {
            throw new AssertionError("no metric family starts with " + prefix);
        }
        List<String> problems = new ArrayList<>();
        for (Exposition.Family family : families) {
            if (family.help().isBlank()) {
                problems.add(family.name() + " has no HELP text");
            }
            if (family.samples().stream().anyMatch(s -> s.labels().containsKey("quantile"))) {
                problems.add(family.name() + " publishes client-side quantiles");
            } else if (family.type().equals("summary")) {
                problems.add(family.name() + " is a summary: no buckets to aggregate across pods");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }

    /**
     * The upper bounds of a histogram's buckets, in its unit (seconds for timers), in order and without the
     * {@code +Inf} bucket, which must be there.
     */
    public static List<Double> bucketBounds(Exposition exposition, String histogram) {
        Exposition.Family family = exposition.family(histogram);
        if (!family.type().equals("histogram")) {
            throw new AssertionError(histogram + " is a " + family.type() + ", not a histogram");
        }
        List<Double> bounds = family.samples().stream().filter(s -> s.name().equals(histogram + "_bucket"))
                .map(s -> s.labels().get("le")).map(le -> le.equals("+Inf") ? Double.POSITIVE_INFINITY
                        : Double.parseDouble(le))
                .sorted().toList();
        if (bounds.isEmpty() || bounds.get(bounds.size() - 1) != Double.POSITIVE_INFINITY) {
            throw new AssertionError(histogram + " has no +Inf bucket: " + bounds);
        }
        return bounds.subList(0, bounds.size() - 1);
    }
}
