package dev.voiceagent.testsupport.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A packaged Quarkus service run as its own JVM, as in production, for end-to-end tests and benchmarks. Started on
 * a free port; ready when its readiness probe answers 200.
 */
public final class QuarkusServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final long startedNanos = System.nanoTime();
    private volatile long readyNanos;

    private QuarkusServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The packaged runner of a sibling module, e.g. {@code runJarOf("realtime-core")}. */
    public static Path runJarOf(String module) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project root (the folder with mvnw)");
        }
        return dir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static QuarkusServiceProcess start(String name, Path runJar, Map<String, String> properties,
            Map<String, String> environment) throws IOException {
        if (!Files.exists(runJar)) {
            throw new IllegalStateException(runJar + " does not exist: run ./mvnw verify so the module is packaged first");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(runJar.toString());
        Path log = Files.createDirectories(Path.of("target", "service-logs")).resolve(name + "-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        QuarkusServiceProcess service = new QuarkusServiceProcess(name, builder.start(), port, log);
        service.awaitReady(Duration.ofSeconds(30));
        return service;
    }

    private void awaitReady(Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
                }
                if (isReady()) {
                    readyNanos = System.nanoTime();
                    return true;
                }
                return false;
            });
        } catch (ConditionTimeoutException e) {
            close();
            throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + logTail(), e);
        }
    }

    private boolean isReady() {
        try {
            HttpURLConnection connection = (HttpURLConnection) baseUrl().resolve("/q/health/ready").toURL()
                    .openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(1000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** From starting the JVM to the first 200 of the readiness probe (polled every 100 ms). */
    public Duration readyAfter() {
        return Duration.ofNanos(readyNanos - startedNanos);
    }

    public int port() {
        return port;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** The last lines the service logged, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Sends SIGTERM, as Kubernetes does, and returns at once: the service drains and exits in its own time. */
    public void terminate() {
        process.destroy();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or null if it has not exited yet. */
    public Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** SIGTERM, as Kubernetes sends; forcibly after ten seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
