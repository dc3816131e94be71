package dev.voiceagent.deploy.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A kustomization.yaml, read strictly: the fields this project uses, so a misspelt one ({@code resource:}) fails
 * instead of being ignored by a reader and silently dropping manifests.
 */
public record Kustomization(String apiVersion, String kind, String namespace, List<String> resources,
        List<Patch> patches, List<Image> images, List<Generator> configMapGenerator) {

    public record Patch(String path, Target target, String patch) {
    }

    public record Target(String kind, String name) {
    }

    public record Image(String name, String newName, String newTag) {
    }

    public record Generator(String name, List<String> files, GeneratorOptions options) {
    }

    public record GeneratorOptions(Map<String, String> labels, Boolean disableNameSuffixHash) {
    }

    public Kustomization {
        resources = Objects.requireNonNullElse(resources, List.of());
        patches = Objects.requireNonNullElse(patches, List.of());
        images = Objects.requireNonNullElse(images, List.of());
        configMapGenerator = Objects.requireNonNullElse(configMapGenerator, List.of());
    }

    public static Kustomization read(Path directory) {
        try {
            return ManifestReader.STRICT_YAML.readValue(directory.resolve("kustomization.yaml").toFile(),
                    Kustomization.class);
        } catch (IOException e) {
            throw new UncheckedIOException(directory + "/kustomization.yaml: " + e.getMessage(), e);
        }
    }

    /** Every kustomization directory under deploy/, base, overlays and the Grafana dashboard alike. */
    public static List<Path> directories() {
        try (Stream<Path> files = Files.walk(Locations.DEPLOY)) {
            return files.filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
                    .filter(file -> !file.startsWith(Locations.DEPLOY.resolve("target")))
                    .map(Path::getParent).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Paths, relative to the kustomization, of the manifests it lists: files and other kustomizations. */
    public List<String> resourceFiles(Path directory) {
        return resources.stream().filter(resource -> !Files.isDirectory(directory.resolve(resource))).toList();
    }

    public List<String> resourceDirectories(Path directory) {
        return resources.stream().filter(resource -> Files.isDirectory(directory.resolve(resource))).toList();
    }

    /** Patch files (inline patches have no file). */
    public List<String> patchFiles() {
        return patches.stream().map(Patch::path).filter(Objects::nonNull).toList();
    }

    public List<String> generatorFiles() {
        return configMapGenerator.stream().flatMap(generator -> generator.files().stream()).toList();
    }
}
