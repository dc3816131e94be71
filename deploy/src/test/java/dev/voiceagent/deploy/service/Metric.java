package dev.voiceagent.deploy.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A metric a service registers with Micrometer, read from its {@code metrics} package, and the Prometheus series
 * Micrometer exports for it: dots become underscores, counters end in {@code _total}, timers are in seconds with
 * {@code _count}, {@code _sum}, {@code _max} and the published percentiles (label {@code quantile}) on the base name,
 * plus {@code _bucket} when the timer publishes a histogram.
 */
public record Metric(String module, String micrometerName, Type type) {

    public enum Type {
        COUNTER, GAUGE, TIMER, HISTOGRAM_TIMER
    }

    // Counter.builder("x"), registry.counter("x", ...), Timer.builder("x"), registry.gauge("x", ...), Gauge.builder("x", ...)
    private static final Pattern REGISTRATION = Pattern.compile(
            "(Counter\\.builder|\\.counter|Timer\\.builder|\\.gauge|Gauge\\.builder)\\(\\s*\"([a-z0-9_.]+)\"");

    public static List<Metric> all() {
        return ServiceModule.all().stream().flatMap(Metric::of).toList();
    }

    public Set<String> prometheusSeries() {
        String base = micrometerName.replace('.', '_');
        return switch (type) {
            case COUNTER -> Set.of(base + "_total");
            case GAUGE -> Set.of(base);
            case TIMER -> Set.of(base + "_seconds", base + "_seconds_count", base + "_seconds_sum",
                    base + "_seconds_max");
            case HISTOGRAM_TIMER -> Set.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max",
                    base + "_seconds_bucket");
        };
    }

    private static Stream<Metric> of(ServiceModule module) {
        Path sources = module.directory().resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.getParent().getFileName().toString().equals("metrics"))
                    .filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> registrations(module.name(), file)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Metric> registrations(String module, Path file) {
        try {
            String source = Files.readString(file);
            Matcher matcher = REGISTRATION.matcher(source);
            return matcher.results().map(m -> new Metric(module, m.group(2),
                    typeOf(m.group(1), source.substring(m.end(), source.indexOf(';', m.end())))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param rest the registration statement after the name, where the builder options are */
    private static Type typeOf(String call, String rest) {
        if (call.startsWith("Timer")) {
            return rest.contains("publishPercentileHistogram()") ? Type.HISTOGRAM_TIMER : Type.TIMER;
        }
        return call.equals(".gauge") || call.startsWith("Gauge") ? Type.GAUGE : Type.COUNTER;
    }
}
