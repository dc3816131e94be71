package dev.voiceagent.deploy.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.manifest.Bundle;
import dev.voiceagent.deploy.network.LabelSelectors;
import dev.voiceagent.deploy.service.ServiceModule;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each core pod advertises its own DNS name, so that the gateway taking a call reaches the very pod that
 * pre-warmed its session: a per-pod record exists only for pods whose subdomain names a headless Service.
 */
class CoreAddressTest {

    private static final String CORE = "realtime-core";

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void advertisedUrlIsThePodsOwnNameUnderItsSubdomain(Bundle bundle) {
        PodTemplateSpec template = bundle.get(Deployment.class, CORE).getSpec().getTemplate();
        Container core = Pods.mainContainer(template, CORE);
        String subdomain = template.getSpec().getSubdomain();
        assertThat(subdomain).as("core pods' subdomain").isNotBlank();
        assertThat(value(core, "CORE_ADVERTISED_URL")).isEqualTo("http://$(POD_NAME)." + subdomain
                + ".$(POD_NAMESPACE).svc.cluster.local:" + ServiceModule.named(CORE).httpPort());
        assertThat(fieldRef(core, "POD_NAME")).isEqualTo("metadata.name");
        assertThat(fieldRef(core, "POD_NAMESPACE")).isEqualTo("metadata.namespace");
    }

    /** Kubernetes expands $(VAR) only from variables listed before the one that uses it. */
    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void variablesAreDefinedBeforeTheyAreUsed(Bundle bundle) {
        bundle.workloads().forEach((workload, template) -> {
            for (Container container : Pods.allContainers(template.getSpec())) {
                List<EnvVar> env = Objects.requireNonNullElse(container.getEnv(), List.of());
                List<String> names = env.stream().map(EnvVar::getName).toList();
                for (int i = 0; i < names.size(); i++) {
                    String value = env.get(i).getValue();
                    List<String> used = value == null ? List.of()
                            : Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)").matcher(value).results()
                                    .map(m -> m.group(1)).toList();
                    assertThat(names.subList(0, i)).as("%s: variables before %s", workload, names.get(i))
                            .containsAll(used);
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void subdomainIsAHeadlessServiceThatKeepsNotReadyPodsResolvable(Bundle bundle) {
        PodTemplateSpec template = bundle.get(Deployment.class, CORE).getSpec().getTemplate();
        Service pods = bundle.get(Service.class, template.getSpec().getSubdomain());
        assertThat(pods.getSpec().getClusterIP()).isEqualTo("None");
        // A core at its session limit, or draining, is not ready but must still be reached for its pre-warmed calls.
        assertThat(pods.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(LabelSelectors.matches(pods.getSpec().getSelector(), template.getMetadata().getLabels())).isTrue();
    }

    private static String value(Container container, String name) {
        return Pods.env(container, name).orElseThrow(() -> new AssertionError("no env " + name)).getValue();
    }

    private static String fieldRef(Container container, String name) {
        EnvVar variable = Pods.env(container, name).orElseThrow(() -> new AssertionError("no env " + name));
        return variable.getValueFrom().getFieldRef().getFieldPath();
    }
}
