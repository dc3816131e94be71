package dev.voiceagent.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.manifest.Bundle;
import dev.voiceagent.deploy.service.Metric;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The call path scales on its active-session gauges (via prometheus-adapter), with CPU as the fallback. */
class AutoscalingMetricsTest {

    private static final List<String> CALL_PATH = List.of("telephony-gateway", "web-gateway", "realtime-core");

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void callPathScalesOnAnActiveGaugeOfItsOwnServiceAndOnCpu(Bundle bundle) {
        for (String name : CALL_PATH) {
            List<MetricSpec> metrics = bundle.get(HorizontalPodAutoscaler.class, name).getSpec().getMetrics();
            Set<String> gauges = Metric.all().stream()
                    .filter(m -> m.module().equals(name) && m.type() == Metric.Type.GAUGE)
                    .flatMap(m -> m.prometheusSeries().stream()).collect(Collectors.toSet());
            assertThat(metrics).as("%s autoscaling metrics", name)
                    .anySatisfy(m -> {
                        assertThat(m.getType()).isEqualTo("Pods");
                        assertThat(m.getPods().getMetric().getName()).isIn(gauges).endsWith("_active");
                    })
                    .anySatisfy(m -> {
                        assertThat(m.getType()).isEqualTo("Resource");
                        assertThat(m.getResource().getName()).isEqualTo("cpu");
                    });
        }
    }

    /** At CORE_MAX_SESSIONS a core refuses calls: the autoscaler must add pods well before that. */
    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void coreScalesOutBeforeItsSessionLimit(Bundle bundle) {
        int maxSessions = Integer.parseInt(
                bundle.get(ConfigMap.class, "realtime-core-config").getData().get("CORE_MAX_SESSIONS"));
        Quantity target = bundle.get(HorizontalPodAutoscaler.class, "realtime-core").getSpec().getMetrics().stream()
                .filter(m -> m.getType().equals("Pods")).findFirst().orElseThrow().getPods().getTarget()
                .getAverageValue();
        assertThat(target.getNumericalAmount().intValue()).isLessThan(maxSessions);
    }
}
