package dev.voiceagent.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voiceagent.deploy.manifest.Kustomization;
import dev.voiceagent.deploy.manifest.Locations;
import dev.voiceagent.deploy.service.Metric;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dashboard queries only series the services export, reads latencies from histogram buckets summed over pods
 * (never a pod's own percentiles), and ships as a ConfigMap Grafana's sidecar loads.
 */
class GrafanaDashboardTest {

    private static final Pattern SERIES = Pattern.compile("\\bvoice_[a-z0-9_]+");
    /** {@code histogram_quantile(q, sum by (le, ...) (rate(x_bucket{...}[range])))}: buckets of every pod added up. */
    private static final Pattern QUANTILE_OVER_PODS = Pattern.compile(
            "histogram_quantile\\(\\s*[0-9.]+\\s*,\\s*sum by \\(([a-z_, ]*)\\)\\s*\\(rate\\((voice_[a-z0-9_]+_bucket)"
                    + "\\{[^}]*}\\[[^\\]]+]\\)\\)\\)");

    @Test
    void everyQueriedSeriesIsExportedByAService() throws IOException {
        Set<String> exported = Metric.all().stream().flatMap(m -> m.prometheusSeries().stream())
                .collect(Collectors.toSet());
        List<String> queries = queries(new ObjectMapper().readTree(Locations.DASHBOARD.toFile()));
        assertThat(queries).isNotEmpty();
        for (String query : queries) {
            List<String> series = SERIES.matcher(query).results().map(m -> m.group()).toList();
            assertThat(series).as("series in %s", query).isNotEmpty();
            assertThat(exported).as("exported series, for %s", query).containsAll(series);
        }
    }

    @Test
    void latenciesAreQuantilesOfHistogramBucketsSummedOverPods() throws IOException {
        Set<String> histogramBuckets = Metric.all().stream().filter(Metric::histogram)
                .map(m -> m.prometheusName() + "_bucket").collect(Collectors.toSet());
        List<String> queries = queries(new ObjectMapper().readTree(Locations.DASHBOARD.toFile()));
        List<String> quantileQueries = queries.stream().filter(q -> q.contains("histogram_quantile")).toList();
        assertThat(quantileQueries).as("latency panels").isNotEmpty();
        for (String query : quantileQueries) {
            Matcher matcher = QUANTILE_OVER_PODS.matcher(query);
            assertThat(matcher.matches()).as("a quantile over the buckets of all pods: %s", query).isTrue();
            assertThat(matcher.group(1).split(",\\s*")).as("grouping of %s", query).contains("le");
            assertThat(histogramBuckets).as("histogram buckets, for %s", query).contains(matcher.group(2));
        }
        assertThat(queries).as("no panel reads a pod's client-side percentiles")
                .noneMatch(q -> Pattern.compile("\\bquantile\\s*=").matcher(q).find());
    }

    @Test
    void showsTheActiveSessionGaugesTheAutoscalersUse() throws IOException {
        String queries = String.join("\n", queries(new ObjectMapper().readTree(Locations.DASHBOARD.toFile())));
        assertThat(queries).contains("voice_gateway_calls_active", "voice_web_sessions_active",
                "voice_core_sessions_active");
    }

    @Test
    void shipsAsAConfigMapLabelledForTheGrafanaSidecar() {
        Kustomization kustomization = Kustomization.read(Locations.DASHBOARD.getParent());
        assertThat(kustomization.configMapGenerator()).singleElement().satisfies(generator -> {
            assertThat(generator.files()).containsExactly(Locations.DASHBOARD.getFileName().toString());
            assertThat(generator.options().labels()).containsEntry("grafana_dashboard", "1");
        });
    }

    /** Panel target expressions and template variable queries, in every row. */
    private static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        dashboard.findValues("targets").forEach(targets -> targets.forEach(t -> queries.add(t.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(variable -> {
            if (variable.path("type").asText().equals("query")) {
                queries.add(variable.path("definition").asText());
            }
        });
        return queries;
    }
}
