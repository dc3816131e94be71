package dev.voiceagent.deploy.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The resources of one variant of the system: the base's manifest files as written, or an overlay as kustomize
 * renders it. The wiring tests run on each, so a patch that breaks the wiring fails like a base that does.
 */
public final class Bundle {

    private static final Map<String, List<HasMetadata>> RENDERED = new ConcurrentHashMap<>();

    private final String name;
    private final Path directory;

    private Bundle(String name, Path directory) {
        this.name = name;
        this.directory = directory;
    }

    /** The base as written, then each overlay rendered (skipped where no kustomize binary is found). */
    public static Stream<Bundle> variants() {
        return Stream.of(base(), overlay("dev"), overlay("production"));
    }

    public static Bundle base() {
        return new Bundle("base", Locations.BASE);
    }

    public static Bundle overlay(String name) {
        return new Bundle("overlays/" + name, Locations.OVERLAYS.resolve(name));
    }

    public List<HasMetadata> resources() {
        if (name.equals("base")) {
            return filesOf(directory);
        }
        return RENDERED.computeIfAbsent(name, n -> ManifestReader.parse(Kustomize.build(directory), n));
    }

    public <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public <T extends HasMetadata> T get(Class<T> kind, String resourceName) {
        List<T> found = all(kind).stream().filter(r -> r.getMetadata().getName().equals(resourceName)).toList();
        assertThat(found).as("%s %s in %s", kind.getSimpleName(), resourceName, name).hasSize(1);
        return found.get(0);
    }

    /** Pod templates of the Deployments and StatefulSets, by workload name. */
    public Map<String, PodTemplateSpec> workloads() {
        Map<String, PodTemplateSpec> workloads = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> workloads.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> workloads.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        return workloads;
    }

    /** The namespace the overlay puts everything in; for the base, which leaves it open, a stand-in. */
    public String namespace() {
        return name.equals("base") ? "voice-agent" : Kustomization.read(directory).namespace();
    }

    /** The manifest files a kustomization lists, and those of the kustomizations it includes. */
    private static List<HasMetadata> filesOf(Path directory) {
        Kustomization kustomization = Kustomization.read(directory);
        List<HasMetadata> resources = new ArrayList<>();
        for (String file : kustomization.resourceFiles(directory)) {
            resources.addAll(ManifestReader.read(directory.resolve(file)));
        }
        for (String included : kustomization.resourceDirectories(directory)) {
            resources.addAll(filesOf(directory.resolve(included).normalize()));
        }
        return resources;
    }

    @Override
    public String toString() {
        return name;
    }
}
