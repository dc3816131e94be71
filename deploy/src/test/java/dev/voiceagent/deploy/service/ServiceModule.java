package dev.voiceagent.deploy.service;

import dev.voiceagent.deploy.manifest.Locations;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A deployable service of the project: a module with its own application.properties (the Quarkus services). The
 * manifests are checked against what the sources say, not against numbers repeated in the tests.
 */
public record ServiceModule(String name, Path directory) {

    public static List<ServiceModule> all() {
        try (Stream<Path> modules = Files.list(Locations.PROJECT_ROOT)) {
            return modules.filter(module -> Files.isRegularFile(properties(module)))
                    .map(module -> new ServiceModule(module.getFileName().toString(), module))
                    .sorted(Comparator.comparing(ServiceModule::name)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServiceModule named(String name) {
        return all().stream().filter(module -> module.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service module " + name));
    }

    public int httpPort() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(properties(directory))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Integer.parseInt(properties.getProperty("quarkus.http.port").trim());
    }

    /** URL paths of the static files the service serves (META-INF/resources), such as {@code /index.html}. */
    public List<String> staticPaths() {
        Path root = directory.resolve("src/main/resources/META-INF/resources");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> "/" + root.relativize(file).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path properties(Path module) {
        return module.resolve("src/main/resources/application.properties");
    }
}
