package dev.voiceagent.deploy.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.manifest.Bundle;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Configuration the pods read exists, and the service addresses in it name real Services and ports. */
class ConfigWiringTest {

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void everyConfigMapAndKeyThePodsReadExists(Bundle bundle) {
        bundle.workloads().forEach((workload, template) -> {
            for (Container container : Pods.allContainers(template.getSpec())) {
                List<EnvFromSource> sources = Objects.requireNonNullElse(container.getEnvFrom(), List.of());
                sources.forEach(source -> bundle.get(ConfigMap.class, source.getConfigMapRef().getName()));
                for (EnvVar variable : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
                    ConfigMapKeySelector ref = variable.getValueFrom() == null
                            ? null : variable.getValueFrom().getConfigMapKeyRef();
                    if (ref != null) {
                        assertThat(bundle.get(ConfigMap.class, ref.getName()).getData())
                                .as("%s reads %s from ConfigMap %s", workload, ref.getKey(), ref.getName())
                                .containsKey(ref.getKey());
                    }
                }
            }
        });
    }

    /** CORE_URL, MCP_BOOKING_URL, DB_URL...: an address by a bare name is a Service of this system, on its port. */
    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void serviceAddressesInConfigNameServicesAndTheirPorts(Bundle bundle) {
        List<URI> addresses = bundle.all(ConfigMap.class).stream()
                .flatMap(map -> Objects.requireNonNullElse(map.getData(), Map.<String, String>of()).values().stream())
                .filter(value -> value.matches("(jdbc:)?[a-z]+://[a-z0-9-]+(:\\d+)?(/.*)?"))
                .map(value -> URI.create(value.replaceFirst("^jdbc:", ""))).toList();
        assertThat(addresses).as("in-cluster addresses in %s", bundle).isNotEmpty();
        for (URI address : addresses) {
            Service service = bundle.get(Service.class, address.getHost());
            assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort).as("ports of %s", address)
                    .contains(address.getPort());
        }
    }
}
