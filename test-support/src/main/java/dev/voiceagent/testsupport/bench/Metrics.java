package dev.voiceagent.testsupport.bench;

import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a service's own Prometheus metrics. */
final class Metrics {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Metrics() {
    }

    /** Live heap: a full GC first (through jcmd, next to this JVM's java), so garbage does not count. */
    static double heapBytes(QuarkusServiceProcess service) {
        Jcmd.run(service.pid(), List.of("GC.run"));
        return sum(service, "jvm_memory_used_bytes", "area=\"heap\"");
    }

    static double activeSessions(QuarkusServiceProcess core) {
        return max(core, "voice_core_sessions_active");
    }

    static double activeCalls(QuarkusServiceProcess gateway) {
        return max(gateway, "voice_gateway_calls_active");
    }

    private static double sum(QuarkusServiceProcess service, String name, String labelFilter) {
        Matcher sample = samples(service, name);
        double sum = 0;
        while (sample.find()) {
            if (sample.group(1) != null && sample.group(1).contains(labelFilter)) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }

    private static double max(QuarkusServiceProcess service, String name) {
        Matcher sample = samples(service, name);
        double max = 0;
        while (sample.find()) {
            max = Math.max(max, Double.parseDouble(sample.group(2)));
        }
        return max;
    }

    private static Matcher samples(QuarkusServiceProcess service, String name) {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(service.baseUrl().resolve("/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.Ee+-]+)$").matcher(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
