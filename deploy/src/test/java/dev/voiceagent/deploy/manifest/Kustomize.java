package dev.voiceagent.deploy.manifest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders an overlay with the real tool: a standalone {@code kustomize}, else {@code kubectl kustomize}
 * (kubectl 1.27 or newer embeds kustomize v5). Without either, the tests that need a rendering are skipped.
 */
public final class Kustomize {

    private Kustomize() {
    }

    public static String build(Path directory) {
        Optional<List<String>> command = command();
        assumeTrue(command.isPresent(), "neither kustomize nor kubectl is on the PATH: overlays not rendered");
        List<String> argv = new ArrayList<>(command.get());
        argv.add(directory.toString());
        try {
            // Output to files, not pipes: nothing can block, and the time-out holds even if the tool hangs.
            Path stdout = Files.createTempFile("kustomize", ".yaml");
            Path stderr = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(argv).redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", argv) + " timed out");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", argv) + " failed: " + Files.readString(stderr));
                }
                return Files.readString(stdout);
            } finally {
                Files.delete(stdout);
                Files.delete(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<List<String>> command() {
        if (onPath("kustomize")) {
            return Optional.of(List.of("kustomize", "build"));
        }
        return onPath("kubectl") ? Optional.of(List.of("kubectl", "kustomize")) : Optional.empty();
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> !directory.isEmpty() && Files.isExecutable(Path.of(directory, program)));
    }
}
