package dev.voiceagent.deploy.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every manifest and patch is a valid object of the kind it names, with no field the API would not know. */
class StrictParsingTest {

    private static final Path DEPLOYMENT = Locations.BASE.resolve("telephony-gateway/deployment.yaml");

    static Stream<Path> manifestFiles() {
        return Stream.of(Locations.BASE, Locations.OVERLAYS).flatMap(StrictParsingTest::yamlFiles)
                .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"));
    }

    @ParameterizedTest
    @MethodSource("manifestFiles")
    void parsesStrictlyAsTheKindItNames(Path file) {
        assertThat(ManifestReader.read(file)).as(Locations.DEPLOY.relativize(file).toString()).isNotEmpty();
    }

    @Test
    void aMisspeltFieldIsRejected() throws IOException {
        String typo = misspeltDeployment();
        assertThatThrownBy(() -> ManifestReader.parse(typo, "typo")).hasMessageContaining("readinesProbe");
    }

    /** Why the reader exists: fabric8's model keeps unknown fields in a catch-all map, so a plain mapper accepts. */
    @Test
    void aPlainMapperOverTheSameModelWouldAcceptTheTypo() throws IOException {
        String typo = misspeltDeployment();
        assertThatCode(() -> new ObjectMapper(new YAMLFactory()).readValue(typo, Deployment.class))
                .doesNotThrowAnyException();
    }

    @Test
    void aKindAtAnUnmodelledVersionIsRejected() throws IOException {
        String v1 = Files.readString(Locations.BASE.resolve("telephony-gateway/hpa.yaml"))
                .replace("autoscaling/v2", "autoscaling/v1");
        assertThatThrownBy(() -> ManifestReader.parse(v1, "v1")).hasMessageContaining("no model for apiVersion");
    }

    @Test
    void aDuplicateKeyIsRejected() {
        String duplicate = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n";
        assertThatThrownBy(() -> ManifestReader.parse(duplicate, "duplicate")).hasMessageContaining("name");
    }

    private static String misspeltDeployment() throws IOException {
        String deployment = Files.readString(DEPLOYMENT);
        String typo = deployment.replace("readinessProbe:", "readinesProbe:");
        assertThat(typo).isNotEqualTo(deployment);
        return typo;
    }

    private static Stream<Path> yamlFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
