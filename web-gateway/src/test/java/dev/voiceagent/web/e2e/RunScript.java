package dev.voiceagent.web.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What the tests of {@code ./run.sh} share: where it is, the ports it takes, and asking its services over HTTP. */
final class RunScript {

    /** telephony-gateway, realtime-core, web-gateway, mcp-tools: the run command's default ports. */
    static final List<Integer> PORTS = List.of(8080, 8081, 8082, 8083);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RunScript() {
    }

    /** The repository root: the first directory upwards that holds run.sh. */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("run.sh"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    /** The response's status, or -1 when nothing answers. */
    static int status(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static int status(String url) {
        return status(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build());
    }
}
