package dev.voiceagent.deploy.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A metric a service registers with Micrometer, read from its sources, and the Prometheus series Micrometer exports
 * for it: dots become underscores, the base unit is appended (seconds for timers), counters end in {@code _total},
 * timers and distribution summaries have {@code _count}, {@code _sum} and {@code _max}, plus {@code _bucket} when
 * they publish a histogram and the bare name (label {@code quantile}) when they publish client-side percentiles.
 *
 * @param help the {@code description(...)} text, the family's {@code # HELP}; empty when there is none
 * @param options the builder options of the registration, e.g. {@code serviceLevelObjectives} or
 *        {@code publishPercentiles}
 */
public record Metric(String module, String micrometerName, Type type, String baseUnit, String help,
        Set<String> options) {

    public enum Type {
        COUNTER, GAUGE, TIMER, DISTRIBUTION_SUMMARY
    }

    // Counter.builder("x"), Timer.builder("x"), ... and the shortcuts that take no description, registry.counter("x")
    private static final Pattern REGISTRATION = Pattern.compile(
            "(Counter|Gauge|Timer|DistributionSummary)\\.builder\\(\\s*\"([a-z0-9_.]+)\""
                    + "|\\b[a-zA-Z]+\\.(counter|gauge|timer|summary)\\(\\s*\"([a-z0-9_.]+)\"");
    private static final Pattern DESCRIPTION = Pattern.compile(
            "\\.description\\(((?:\\s*\\+?\\s*\"(?:[^\"\\\\]|\\\\.)*\")+)\\s*\\)");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\\s*\"([a-z]+)\"");
    private static final Pattern OPTION = Pattern.compile("\\.([a-zA-Z]+)\\(");

    public static List<Metric> all() {
        return ServiceModule.all().stream().flatMap(Metric::of).toList();
    }

    /** A histogram's buckets add up across pods; a percentile computed in one pod does not. */
    public boolean histogram() {
        return options.contains("serviceLevelObjectives") || options.contains("publishPercentileHistogram");
    }

    public boolean clientSidePercentiles() {
        return options.contains("publishPercentiles");
    }

    /** The name Prometheus knows the metric by: its family's {@code # HELP} and {@code # TYPE} name. */
    public String prometheusName() {
        String unit = type == Type.TIMER ? "seconds" : baseUnit;
        String base = micrometerName.replace('.', '_');
        return unit == null || base.endsWith("_" + unit) ? base : base + "_" + unit;
    }

    public Set<String> prometheusSeries() {
        String name = prometheusName();
        return switch (type) {
            case COUNTER -> Set.of(name + "_total");
            case GAUGE -> Set.of(name);
            case TIMER, DISTRIBUTION_SUMMARY -> Stream.of(
                    Stream.of(name + "_count", name + "_sum", name + "_max"),
                    histogram() ? Stream.of(name + "_bucket") : Stream.<String>empty(),
                    clientSidePercentiles() ? Stream.of(name) : Stream.<String>empty())
                    .flatMap(s -> s).collect(Collectors.toSet());
        };
    }

    private static Stream<Metric> of(ServiceModule module) {
        Path sources = module.directory().resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> registrations(module.name(), file)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Metric> registrations(String module, Path file) {
        try {
            String source = Files.readString(file);
            Matcher matcher = REGISTRATION.matcher(source);
            return matcher.results().map(m -> {
                String statement = source.substring(m.end(), source.indexOf(';', m.end()));
                boolean builder = m.group(1) != null;
                return new Metric(module, builder ? m.group(2) : m.group(4),
                        type(builder ? m.group(1) : m.group(3)), baseUnit(statement), help(statement),
                        OPTION.matcher(statement).results().map(o -> o.group(1)).collect(Collectors.toSet()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Type type(String kind) {
        return switch (kind.toLowerCase(java.util.Locale.ROOT)) {
            case "counter" -> Type.COUNTER;
            case "gauge" -> Type.GAUGE;
            case "timer" -> Type.TIMER;
            default -> Type.DISTRIBUTION_SUMMARY;
        };
    }

    private static String baseUnit(String statement) {
        Matcher unit = BASE_UNIT.matcher(statement);
        return unit.find() ? unit.group(1) : null;
    }

    /** The description's string literals, joined as Java joins {@code "a " + "b"}. */
    private static String help(String statement) {
        Matcher description = DESCRIPTION.matcher(statement);
        if (!description.find()) {
            return "";
        }
        return LITERAL.matcher(description.group(1)).results().map(l -> l.group(1)).collect(Collectors.joining())
                .trim();
    }
}
