package dev.voiceagent.testsupport.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The contract the services' metrics tests rely on refuses what the dashboards could not use. */
class MetricsContractTest {

    /** As Quarkus serves an SLO timer, its max gauge and a counter (the family is named without {@code _total}). */
    private static final String GOOD = """
            # TYPE voice_x_latency_seconds histogram
            # HELP voice_x_latency_seconds Seconds from a to b
            voice_x_latency_seconds_bucket{le="0.25"} 1.0
            voice_x_latency_seconds_bucket{le="1.0"} 3.0
            voice_x_latency_seconds_bucket{le="+Inf"} 4.0
            voice_x_latency_seconds_count 4.0
            voice_x_latency_seconds_sum 3.5
            # TYPE voice_x_latency_seconds_max gauge
            # HELP voice_x_latency_seconds_max Seconds from a to b
            voice_x_latency_seconds_max 1.2
            # TYPE voice_x_refused counter
            # HELP voice_x_refused Requests refused, by reason (requests)
            voice_x_refused_total{endpoint="a",reason="say \\"no\\""} 2.0
            voice_x_refused_total{endpoint="a",reason="missing"} 1.0
            # TYPE http_server_requests_seconds summary
            # HELP http_server_requests_seconds
            http_server_requests_seconds_count{uri="/"} 1.0
            """;

    @Test
    void readsFamiliesTheirHelpTypesAndSamples() {
        Exposition exposition = Exposition.parse(GOOD);
        assertThat(exposition.withPrefix("voice_")).extracting(Exposition.Family::name).containsExactlyInAnyOrder(
                "voice_x_latency_seconds", "voice_x_latency_seconds_max", "voice_x_refused");
        assertThat(exposition.family("voice_x_latency_seconds").samples()).hasSize(5);
        assertThat(exposition.sum("voice_x_latency_seconds", "voice_x_latency_seconds_count")).isEqualTo(4.0);
        assertThat(exposition.sum("voice_x_refused", "voice_x_refused_total")).isEqualTo(3.0);
        assertThat(exposition.family("voice_x_refused").samples().get(0).labels())
                .containsEntry("endpoint", "a").containsEntry("reason", "say \"no\"");
        assertThat(MetricsContract.bucketBounds(exposition, "voice_x_latency_seconds")).containsExactly(0.25, 1.0);
        MetricsContract.assertDocumentedAndAggregatable(exposition, "voice_");
    }

    @Test
    void refusesAFamilyWithoutHelp() {
        Exposition exposition = Exposition.parse(GOOD.replace("# HELP voice_x_refused Requests refused, by "
                + "reason (requests)", "# HELP voice_x_refused "));
        assertThatThrownBy(() -> MetricsContract.assertDocumentedAndAggregatable(exposition, "voice_"))
                .hasMessage("voice_x_refused has no HELP text");
    }

    @Test
    void refusesClientSideQuantilesAndSummaries() {
        Exposition exposition = Exposition.parse("""
                # HELP voice_y_seconds Seconds
                # TYPE voice_y_seconds summary
                voice_y_seconds{quantile="0.99",} 0.3
                voice_y_seconds_count 1.0
                # HELP voice_z_seconds Seconds
                # TYPE voice_z_seconds summary
                voice_z_seconds_count 1.0
                """);
        assertThatThrownBy(() -> MetricsContract.assertDocumentedAndAggregatable(exposition, "voice_"))
                .hasMessageContaining("voice_y_seconds publishes client-side quantiles")
                .hasMessageContaining("voice_z_seconds is a summary");
        assertThatThrownBy(() -> MetricsContract.bucketBounds(exposition, "voice_y_seconds"))
                .hasMessageContaining("not a histogram");
    }

    @Test
    void refusesAPrefixWithNoFamilies() {
        assertThatThrownBy(() -> MetricsContract.assertDocumentedAndAggregatable(Exposition.parse(GOOD), "voice_web_"))
                .hasMessageContaining("no metric family");
    }
}
