package dev.voiceagent.deploy.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.manifest.Bundle;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every container is bounded, runs unprivileged, and writes only where a volume is mounted for it. */
class ContainerHardeningTest {

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void everyContainerRequestsAndLimitsCpuAndMemory(Bundle bundle) {
        bundle.workloads().forEach((workload, template) -> {
            for (Container container : Pods.allContainers(template.getSpec())) {
                Map<String, Quantity> requests = container.getResources().getRequests();
                Map<String, Quantity> limits = container.getResources().getLimits();
                for (String resource : new String[] {"cpu", "memory"}) {
                    assertThat(requests).as("%s %s request", workload, resource).containsKey(resource);
                    assertThat(limits).as("%s %s limit", workload, resource).containsKey(resource);
                    assertThat(Quantity.getAmountInBytes(requests.get(resource)))
                            .as("%s %s request within its limit", workload, resource)
                            .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get(resource)));
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void everyPodRunsAsNonRootWithoutPrivileges(Bundle bundle) {
        bundle.workloads().forEach((workload, template) -> {
            assertThat(template.getSpec().getSecurityContext().getRunAsNonRoot()).as("%s runAsNonRoot", workload)
                    .isTrue();
            for (Container container : Pods.allContainers(template.getSpec())) {
                var security = container.getSecurityContext();
                assertThat(security).as("%s securityContext", workload).isNotNull();
                assertThat(security.getAllowPrivilegeEscalation()).as("%s privilege escalation", workload).isFalse();
                assertThat(security.getCapabilities().getDrop()).as("%s capabilities", workload).contains("ALL");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void readOnlyRootFilesystemWithAWritableTmp(Bundle bundle) {
        bundle.workloads().forEach((workload, template) -> {
            Container container = Pods.mainContainer(template, workload);
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as("%s read-only root", workload)
                    .isTrue();
            VolumeMount tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(workload + " mounts nothing on /tmp"));
            assertThat(volume(template.getSpec(), tmp.getName()).getEmptyDir()).as("%s /tmp is an emptyDir", workload)
                    .isNotNull();
        });
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void everyResourceAndPodCarriesTheRecommendedLabels(Bundle bundle) {
        for (HasMetadata resource : bundle.resources()) {
            assertThat(resource.getMetadata().getLabels())
                    .as("%s %s labels", resource.getKind(), resource.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/part-of", "voice-agent");
        }
        bundle.workloads().forEach((workload, template) -> assertThat(template.getMetadata().getLabels())
                .as("%s pod labels", workload)
                .containsEntry("app.kubernetes.io/name", workload)
                .containsEntry("app.kubernetes.io/part-of", "voice-agent"));
    }

    private static Volume volume(PodSpec spec, String name) {
        return spec.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }
}
