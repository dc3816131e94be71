package dev.voiceagent.deploy.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The kustomizations are well-formed, list every manifest, and patch only what the base defines. */
class KustomizationTest {

    @Test
    void everyFileAKustomizationNamesExists() {
        for (Path directory : Kustomization.directories()) {
            Kustomization kustomization = Kustomization.read(directory);
            List<String> named = Stream.of(kustomization.resources(), kustomization.patchFiles(),
                    kustomization.generatorFiles()).flatMap(List::stream).toList();
            assertThat(named).as("files of %s", directory).allSatisfy(
                    file -> assertThat(directory.resolve(file)).exists());
        }
    }

    /** A manifest no kustomization lists is never applied: most likely a forgotten line. */
    @Test
    void everyManifestIsListedExceptTheSecretTemplate() {
        Set<Path> listed = new HashSet<>();
        for (Path directory : Kustomization.directories()) {
            Kustomization kustomization = Kustomization.read(directory);
            Stream.concat(kustomization.resourceFiles(directory).stream(), kustomization.patchFiles().stream())
                    .forEach(file -> listed.add(directory.resolve(file).normalize()));
        }
        List<Path> manifests = StrictParsingTest.manifestFiles()
                .filter(file -> !file.equals(Locations.SECRET_TEMPLATE)).toList();
        assertThat(manifests).isNotEmpty().allSatisfy(file -> assertThat(listed).as("listed files").contains(file));
    }

    @Test
    void overlayPatchesNameResourcesOfTheBase() {
        List<String> base = Bundle.base().resources().stream().map(KustomizationTest::id).toList();
        for (String overlay : List.of("dev", "production")) {
            Path directory = Locations.OVERLAYS.resolve(overlay);
            Kustomization kustomization = Kustomization.read(directory);
            for (String patch : kustomization.patchFiles()) {
                assertThat(ManifestReader.read(directory.resolve(patch))).extracting(KustomizationTest::id)
                        .as("%s/%s", overlay, patch).isSubsetOf(base);
            }
            kustomization.patches().stream().filter(p -> p.target() != null).forEach(p -> assertThat(base)
                    .as("%s patch target", overlay).anyMatch(id -> id.startsWith(p.target().kind() + "/")));
        }
    }

    @Test
    void overlaysRetagOnlyImagesTheBaseRuns() {
        Set<String> images = new HashSet<>();
        Bundle base = Bundle.base();
        base.all(Deployment.class).forEach(d -> d.getSpec().getTemplate().getSpec().getContainers()
                .forEach(c -> images.add(c.getImage().replaceFirst(":[^:/]+$", ""))));
        base.all(StatefulSet.class).forEach(s -> s.getSpec().getTemplate().getSpec().getContainers()
                .forEach(c -> images.add(c.getImage().replaceFirst(":[^:/]+$", ""))));
        for (Path directory : Kustomization.directories()) {
            assertThat(Kustomization.read(directory).images()).as("images of %s", directory)
                    .allSatisfy(image -> assertThat(images).contains(image.name()));
        }
    }

    private static String id(HasMetadata resource) {
        return resource.getKind() + "/" + resource.getMetadata().getName();
    }
}
