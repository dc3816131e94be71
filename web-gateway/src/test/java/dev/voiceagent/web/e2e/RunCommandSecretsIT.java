package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The run command with an OpenAI key set, as a newcomer starts it: the banner says the key is set but never shows
 * it, the secrets it generates (gateway credential, MCP token, pre-warm signing) appear nowhere in its output or the
 * services' logs, even while it refuses clients that present wrong ones, and the internal services listen on
 * 127.0.0.1 only.
 */
class RunCommandSecretsIT {

    private static final List<String> GENERATED = List.of("SESSION_REF_SECRET", "INTERNAL_AUTH_SECRET",
            "MCP_BOOKING_TOKEN", "MCP_AUTH_TOKENS");

    /** The environment a service started by run.sh really got (Linux: /proc/<pid>/environ). */
    private static Map<String, String> environmentOf(ProcessHandle process) {
        Map<String, String> environment = new HashMap<>();
        try {
            for (String entry : Files.readString(Path.of("/proc", Long.toString(process.pid()), "environ"),
                    StandardCharsets.UTF_8).split("\0")) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    environment.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            // the process ended meanwhile
        }
        return environment;
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(i -> {
            try {
                return i.isUp() && !i.isLoopback();
            } catch (IOException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(Inet4Address.class::isInstance).findFirst();
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theRunCommandNeverPrintsASecret() throws Exception {
        for (int port : RunScript.PORTS) {
            assertThat(RunScript.status("http://localhost:" + port + "/q/health")).as("port %d must be free", port).isEqualTo(-1);
        }
        String apiKey = "sk-test-" + UUID.randomUUID();
        String twilioToken = "twilio-" + UUID.randomUUID();
        String wrongToken = "wrong-" + UUID.randomUUID();
        Path log = Files.createDirectories(Path.of("target", "service-logs")).resolve("run-command-secrets.log");
        ProcessBuilder builder = new ProcessBuilder("bash", "run.sh").directory(RunScript.projectRoot().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeAll(GENERATED);
        builder.environment().remove("OPENAI_PROVIDER");
        builder.environment().put("OPENAI_API_KEY", apiKey);
        builder.environment().put("RUN_SKIP_BUILD", "1");
        builder.environment().put("TWILIO_AUTH_TOKEN", twilioToken);
        builder.environment().put("TWILIO_WEBHOOK_URL", "wss://voice.example.com/media-stream");
        builder.environment().put("JAVA_HOME", new File(ProcessHandle.current().info().command().orElseThrow())
                .getParentFile().getParent());
        Process run = builder.start();
        Map<String, String> secrets = new HashMap<>();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> RunScript.PORTS.stream()
                    .allMatch(port -> RunScript.status("http://localhost:" + port + "/q/health/ready") == 200));
            await().until(() -> Files.readString(log).contains("Ctrl-C stops all four services"));
            run.descendants().map(RunCommandSecretsIT::environmentOf).forEach(environment -> GENERATED.forEach(
                    name -> Optional.ofNullable(environment.get(name)).ifPresent(value -> secrets.put(name, value))));
            assertThat(secrets).as("run.sh generates each secret").containsOnlyKeys(GENERATED);
            assertThat(secrets.get("INTERNAL_AUTH_SECRET")).hasSizeGreaterThanOrEqualTo(16)
                    .isNotEqualTo(secrets.get("SESSION_REF_SECRET"));

            // Refusals are logged: with wrong credentials, and without showing what was presented.
            assertThat(RunScript.status(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/v1/prewarm"))
                    .header("Authorization", "Bearer " + wrongToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build())).isEqualTo(401);
            assertThat(RunScript.status(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8083/mcp"))
                    .header("Authorization", "Bearer " + wrongToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build())).isEqualTo(401);
            await().until(() -> Files.readString(log).contains("refused /mcp"));

            Optional<InetAddress> external = nonLoopbackAddress();
            if (external.isPresent()) {
                assertThat(accepts(external.get(), 8081)).as("realtime-core listens on 127.0.0.1 only").isFalse();
                assertThat(accepts(external.get(), 8083)).as("mcp-tools listens on 127.0.0.1 only").isFalse();
                assertThat(accepts(external.get(), 8080)).as("the phone gateway is reachable").isTrue();
            }
        } finally {
            run.destroy(); // SIGTERM, as Ctrl-C's trap does
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("run.sh stops").isTrue();
        }
        String output = Files.readString(log);
        assertThat(output).contains("OpenAI key: set").contains("refused prewarm");
        assertThat(output).as("the API key").doesNotContain(apiKey).doesNotContain(apiKey.substring(0, 16));
        assertThat(output).as("the Twilio auth token").doesNotContain(twilioToken);
        assertThat(output).as("what a refused client presented").doesNotContain(wrongToken);
        secrets.forEach((name, value) -> assertThat(output).as(name).doesNotContain(value));
    }
}
