package dev.voiceagent.telephony.e2e;

import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a service's Prometheus metrics, as an operator's scraper would. */
final class Scrape {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Scrape() {
    }

    /** Sum of a metric's samples whose labels contain {@code labelFilter}. */
    static double sum(QuarkusServiceProcess service, String name, String labelFilter) {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(service.baseUrl().resolve("/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher sample = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.Ee+-]+)$").matcher(text);
            double sum = 0;
            while (sample.find()) {
                String labels = sample.group(1) == null ? "" : sample.group(1);
                if (labels.contains(labelFilter)) {
                    sum += Double.parseDouble(sample.group(2));
                }
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
