package dev.voiceagent.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.manifest.Bundle;
import dev.voiceagent.deploy.network.LabelSelectors;
import dev.voiceagent.deploy.service.ServiceModule;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Prometheus scrapes each service once, at /q/metrics on a port its Service names. */
class ServiceMonitorTest {

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void eachServiceIsScrapedOnceAtQuarkusMetricsPath(Bundle bundle) {
        for (ServiceModule module : ServiceModule.all()) {
            ServiceMonitor monitor = bundle.get(ServiceMonitor.class, module.name());
            // Two Services selecting the same pods would have every pod scraped twice.
            List<Service> selected = bundle.all(Service.class).stream()
                    .filter(s -> LabelSelectors.matches(monitor.getSpec().getSelector(), s.getMetadata().getLabels()))
                    .toList();
            assertThat(selected).extracting(s -> s.getMetadata().getName()).as("Services %s scrapes", module.name())
                    .containsExactly(module.name());
            assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
                assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
                assertThat(selected.get(0).getSpec().getPorts()).extracting(ServicePort::getName)
                        .contains(endpoint.getPort());
            });
        }
    }
}
