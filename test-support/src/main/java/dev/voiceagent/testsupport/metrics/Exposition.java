package dev.voiceagent.testsupport.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's metrics as Prometheus reads them: the text exposition format (0.0.4) of {@code /q/metrics}, parsed into
 * families, each with its {@code # HELP} text, its {@code # TYPE} and its samples (a sample belongs to the family
 * declared before it, so a histogram's {@code _bucket}, {@code _count} and {@code _sum} are its own).
 */
public record Exposition(Map<String, Family> families) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public record Family(String name, String type, String help, List<Sample> samples) {
    }

    /** Scrapes {@code /q/metrics} of the service at {@code baseUrl}, as Prometheus does. */
    public static Exposition scrape(URI baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(baseUrl.resolve("/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/q/metrics of " + baseUrl + " answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot scrape " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Exposition parse(String text) {
        Map<String, String> help = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        String current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                String rest = line.substring(7);
                int space = rest.indexOf(' ');
                current = space < 0 ? rest : rest.substring(0, space);
                String value = space < 0 ? "" : rest.substring(space + 1);
                (line.startsWith("# HELP ") ? help : types).put(current, unescape(value));
                samples.putIfAbsent(current, new ArrayList<>());
            } else if (!line.isBlank() && !line.startsWith("#")) {
                Sample sample = sample(line);
                String family = current != null && sample.name().startsWith(current) ? current : sample.name();
                samples.computeIfAbsent(family, k -> new ArrayList<>()).add(sample);
            }
        }
        Map<String, Family> families = new LinkedHashMap<>();
        samples.forEach((name, list) -> families.put(name, new Family(name, types.getOrDefault(name, "untyped"),
                help.getOrDefault(name, ""), List.copyOf(list))));
        return new Exposition(Map.copyOf(families));
    }

    public List<Family> withPrefix(String prefix) {
        return families.values().stream().filter(f -> f.name().startsWith(prefix)).toList();
    }

    public Family family(String name) {
        Family family = families.get(name);
        if (family == null) {
            throw new AssertionError("no metric family " + name + " in " + families.keySet());
        }
        return family;
    }

    /** The value of the family's sample named {@code name} (e.g. a histogram's {@code _count}), summed over labels. */
    public double sum(String familyName, String sampleName) {
        return family(familyName).samples().stream().filter(s -> s.name().equals(sampleName))
                .mapToDouble(Sample::value).sum();
    }

    /** name, optional {labels}, value, optional timestamp. */
    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        int afterLabels;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            afterLabels = labels(line, brace + 1, labels);
        } else {
            name = line.substring(0, space);
            afterLabels = space;
        }
        String[] valueAndTime = line.substring(afterLabels).trim().split(" ");
        return new Sample(name, Map.copyOf(labels), parseValue(valueAndTime[0]));
    }

    /** Reads {@code a="x",b="y",}} from {@code at}; returns the index after the closing brace. */
    private static int labels(String line, int at, Map<String, String> labels) {
        int i = at;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String key = line.substring(i, equals).trim();
            StringBuilder value = new StringBuilder();
            int j = equals + 2; // past ="
            while (line.charAt(j) != '"') {
                char c = line.charAt(j);
                if (c == '\\') {
                    char next = line.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                j++;
            }
            labels.put(key, value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i + 1;
    }

    private static double parseValue(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private static String unescape(String help) {
        return help.replace("\\n", "\n").replace("\\\\", "\\").trim();
    }
}
