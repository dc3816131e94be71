package dev.voiceagent.mcptools;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The MCP clients written by others that the tests drive, pinned in {@code src/test/node} (package-lock.json) and
 * installed from the lockfile on first use: the official TypeScript SDK and the official MCP inspector.
 */
final class NodeClients {

    static final Path DIR = Path.of("src/test/node");
    private static final List<String> PACKAGES = List.of("@modelcontextprotocol/sdk", "@modelcontextprotocol/inspector");

    record Run(int exitCode, String stdout, String stderr) {
        String output() {
            return stdout + stderr;
        }
    }

    private NodeClients() {
    }

    /** Installs the pinned packages unless they are there. */
    static synchronized void install() throws IOException, InterruptedException {
        if (PACKAGES.stream().allMatch(name -> Files.isDirectory(DIR.resolve("node_modules").resolve(name)))) {
            return;
        }
        // Not `npm ci`: the inspector's web UI pulls in vite, whose optional dependency napi-windows-process-start-time
        // is not published, and `npm ci` refuses a lockfile without it. `npm install --no-save` installs the same
        // locked versions and leaves the lockfile as it is.
        Run npm = run(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund"), Map.of(), 300);
        if (npm.exitCode() != 0) {
            throw new IllegalStateException("npm install failed in " + DIR + ":\n" + npm.output());
        }
    }

    /** Runs a command in {@link #DIR} with extra environment variables, stdout and stderr kept apart. */
    static Run run(List<String> command, Map<String, String> environment, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("node-client", ".out");
        Path err = Files.createTempFile("node-client", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Run(-1, read(out), String.join(" ", command) + " timed out\n" + read(err));
            }
            return new Run(process.exitValue(), read(out), read(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
