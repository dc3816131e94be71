package dev.voiceagent.deploy.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.manifest.Bundle;
import dev.voiceagent.deploy.manifest.Kustomization;
import dev.voiceagent.deploy.manifest.Locations;
import dev.voiceagent.deploy.manifest.ManifestReader;
import dev.voiceagent.deploy.workload.Pods;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Secret is created by hand from a template that holds placeholders only and is never applied by kustomize. */
class SecretTemplateTest {

    @Test
    void templateHoldsOnlyPlaceholders() {
        Secret template = template();
        assertThat(template.getData()).as("base64 data would hide what the template holds").isNullOrEmpty();
        assertThat(template.getStringData()).isNotEmpty()
                .allSatisfy((key, value) -> assertThat(value).as(key).startsWith("change-me"));
    }

    @Test
    void noKustomizationListsTheTemplate() {
        for (Path directory : Kustomization.directories()) {
            Kustomization kustomization = Kustomization.read(directory);
            assertThat(kustomization.resourceFiles(directory).stream().map(f -> directory.resolve(f).normalize()))
                    .as("resources of %s", directory).doesNotContain(Locations.SECRET_TEMPLATE);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void templateHasEveryKeyThePodsRead(Bundle bundle) {
        Secret template = template();
        assertThat(bundle.all(Secret.class)).as("Secrets applied by kustomize").isEmpty();
        bundle.workloads().forEach((workload, pod) -> {
            for (Container container : Pods.allContainers(pod.getSpec())) {
                for (EnvVar variable : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
                    SecretKeySelector ref = variable.getValueFrom() == null
                            ? null : variable.getValueFrom().getSecretKeyRef();
                    if (ref != null) {
                        assertThat(ref.getName()).as("%s %s", workload, variable.getName())
                                .isEqualTo(template.getMetadata().getName());
                        assertThat(template.getStringData()).as("%s %s", workload, variable.getName())
                                .containsKey(ref.getKey());
                    }
                }
            }
        });
    }

    private static Secret template() {
        List<HasMetadata> documents = ManifestReader.read(Locations.SECRET_TEMPLATE);
        assertThat(documents).singleElement().isInstanceOf(Secret.class);
        return (Secret) documents.get(0);
    }
}
