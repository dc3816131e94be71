package dev.voiceagent.web.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A script under {@code src/test/node} running clients written by others (the official Socket.IO client,
 * Playwright). It prints one JSON object per line, each with a {@code fact}; the test waits on them.
 */
final class NodeScript implements AutoCloseable {

    private static final Path NODE_DIR = Path.of("src/test/node");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final List<JsonNode> facts = new CopyOnWriteArrayList<>();
    private final List<String> otherOutput = new CopyOnWriteArrayList<>();

    private NodeScript(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "node-output");
        reader.setDaemon(true);
        reader.start();
    }

    static NodeScript start(String script, String... arguments) {
        installDependencies();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        try {
            return new NodeScript(new ProcessBuilder(command).directory(NODE_DIR.toFile())
                    .redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code npm ci} from the lockfile unless the dependencies are already there. */
    static synchronized void installDependencies() {
        if (Files.isDirectory(NODE_DIR.resolve("node_modules/socket.io-client"))
                && Files.isDirectory(NODE_DIR.resolve("node_modules/playwright-core"))) {
            return;
        }
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(NODE_DIR.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed in " + NODE_DIR);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                try {
                    JsonNode fact = JSON.readTree(line);
                    if (fact != null && fact.has("fact")) {
                        facts.add(fact);
                        continue;
                    }
                } catch (IOException notJson) {
                    // fall through: plain output
                }
                otherOutput.add(line);
            }
        } catch (IOException e) {
            otherOutput.add("output lost: " + e.getMessage());
        }
    }

    List<JsonNode> facts(String name) {
        return facts.stream().filter(f -> f.path("fact").asText().equals(name)).toList();
    }

    /** Waits for the first fact of this name; fails early, with the script's output, if it reports an error. */
    JsonNode await(String name, Duration atMost) {
        return Awaitility.await().atMost(atMost).until(() -> {
            if (!facts("error").isEmpty() || !facts("timeout").isEmpty()) {
                throw new AssertionError("node script failed: " + facts + " " + otherOutput);
            }
            return facts(name).stream().findFirst().orElse(null);
        }, fact -> fact != null);
    }

    int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("node script did not finish: " + facts + " " + otherOutput);
        }
        return process.exitValue();
    }

    String output() {
        return facts + " " + otherOutput;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
