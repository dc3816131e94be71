package dev.voiceagent.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.service.Metric;
import dev.voiceagent.deploy.service.ServiceModule;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every metric the services register, read from their sources, so that those only a rare path creates (a refusal,
 * a fault) are held to the same rules as those the services' tests scrape: a HELP text with its unit, latencies as
 * histograms with a few SLO buckets, the {@code voice_} prefix, and a row in the service's README.
 */
class MetricDefinitionsTest {

    /** A README metrics table row: {@code | `voice_..._total` | counter | ... |}. */
    private static final Pattern README_ROW = Pattern.compile("(?m)^\\| `(voice_[a-z0-9_]+)` \\|");
    /** Ends with the unit in parentheses, as "Calls answered while no core was reachable, by answer (calls)". */
    private static final Pattern COUNTED_UNIT = Pattern.compile(".*\\([a-z0-9 -]+\\)$");

    @Test
    void everyServiceRegistersItsMetricsUnderTheVoicePrefix() {
        List<Metric> metrics = Metric.all();
        assertThat(metrics.stream().map(Metric::module).collect(Collectors.toSet()))
                .as("modules with metrics").containsExactlyInAnyOrderElementsOf(
                        ServiceModule.all().stream().map(ServiceModule::name).toList());
        assertThat(metrics).allSatisfy(m -> assertThat(m.micrometerName()).startsWith("voice."));
    }

    @Test
    void everyMetricSaysWhatItCountsAndInWhichUnit() {
        assertThat(Metric.all()).allSatisfy(metric -> {
            assertThat(metric.help()).as("HELP of %s (Micrometer description)", metric.micrometerName())
                    .isNotBlank();
            switch (metric.type()) {
                case TIMER -> assertThat(metric.help()).as("HELP of %s", metric.micrometerName())
                        .startsWith("Seconds");
                case COUNTER -> assertThat(metric.help()).as("HELP of %s", metric.micrometerName())
                        .matches(COUNTED_UNIT);
                default -> {
                }
            }
        });
    }

    /**
     * Client-side percentiles cannot be added across pods, and a percentile histogram exports some 70 buckets per
     * timer: only explicit service level objectives.
     */
    @Test
    void latenciesAreHistogramsOfAFewSloBuckets() {
        List<Metric> distributions = Metric.all().stream()
                .filter(m -> m.type() == Metric.Type.TIMER || m.type() == Metric.Type.DISTRIBUTION_SUMMARY).toList();
        assertThat(distributions).isNotEmpty().allSatisfy(metric -> assertThat(metric.options())
                .as("builder options of %s", metric.micrometerName()).contains("serviceLevelObjectives")
                .doesNotContain("publishPercentiles", "publishPercentileHistogram"));
    }

    @Test
    void eachServiceReadmeListsExactlyItsMetrics() throws IOException {
        for (ServiceModule module : ServiceModule.all()) {
            String readme = Files.readString(module.directory().resolve("README.md"));
            Set<String> listed = README_ROW.matcher(readme).results().map(r -> r.group(1)).collect(Collectors.toSet());
            Set<String> registered = Metric.all().stream().filter(m -> m.module().equals(module.name()))
                    .map(m -> m.type() == Metric.Type.COUNTER ? m.prometheusName() + "_total" : m.prometheusName())
                    .collect(Collectors.toSet());
            assertThat(listed).as("metrics in %s/README.md", module.name())
                    .containsExactlyInAnyOrderElementsOf(registered);
        }
    }
}
