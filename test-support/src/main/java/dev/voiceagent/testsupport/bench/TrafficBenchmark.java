package dev.voiceagent.testsupport.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The traffic modes of the load benchmark: calls arriving and ending all the time, starts included in every figure.
 * <ul>
 * <li>{@code burst}: {@code calls} calls arriving evenly within {@code window} seconds, each lasting {@code seconds};
 * <li>{@code churn}: Poisson arrivals at {@code rate} per second for {@code seconds}, exponential lengths with mean
 * {@code mean} seconds, so that about rate x mean calls are up at once;
 * <li>{@code start-cost}: the same {@code calls} calls (arriving at {@code rate} per second) lasting 2 s, then 20 s;
 * with each run's idle CPU taken out, the difference is the relay's cost per call-second, and what is left of a
 * 2-s call beyond two seconds of relay is the cost of a call's start (and end). Then, since the relay's cost per
 * call-second depends on how many calls are up, the same at equal concurrency: {@code calls} calls of 4 s and
 * twice as many of 2 s arriving within the same window, whose difference is the extra starts alone.
 * </ul>
 * Before the measured run, {@code warmupCalls} calls of 3 s ({@code warmupRate} a second, five by default) let the
 * services' JIT compile the start path, as it is in a service that has been taking calls.
 */
final class TrafficBenchmark {

    private static final Duration IDLE_SAMPLE = Duration.ofSeconds(5);
    /** Arrivals per second of the warm-up by default: gentle, as a cold core cannot take ten a second on two cores. */
    private static final String WARM_UP_RATE = "5";

    private TrafficBenchmark() {
    }

    static Map<String, Object> run(String mode, Map<String, String> options) throws Exception {
        int calls = Integer.parseInt(options.getOrDefault("calls", "50").split(",")[0].trim());
        double rate = Double.parseDouble(options.getOrDefault("rate", "5"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "20"));
        int warmupCalls = Integer.parseInt(options.getOrDefault("warmup-calls", "100"));
        double warmupRate = Double.parseDouble(options.getOrDefault("warmup-rate", WARM_UP_RATE));
        Profiling profiling = new Profiling(directory(options, "jfr"), directory(options, "profile"));
        TrafficPlan plan = switch (mode) {
            case "burst" -> TrafficPlan.spread(calls, seconds(Double.parseDouble(options.getOrDefault("window", "1"))),
                    seconds(seconds));
            case "churn" -> TrafficPlan.churn(rate, seconds(Double.parseDouble(options.getOrDefault("mean", "20"))),
                    seconds(seconds), Long.parseLong(options.getOrDefault("seed", "14")));
            case "start-cost" -> TrafficPlan.spread(calls, seconds(calls / rate), seconds(2));
            default -> throw new IllegalArgumentException("unknown mode '" + mode
                    + "': steady, burst, churn or start-cost");
        };
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("mode", mode);
        report.put("options", options);
        report.put("serviceJvmOptions", System.getenv().getOrDefault("BENCH_SERVICE_JVM_OPTS", ""));
        int mostCalls = mode.equals("start-cost") ? 2 * plan.calls() : plan.calls(); // its last run has twice
        try (BenchSystem system = new BenchSystem(Math.max(mostCalls, warmupCalls))) {
            report.put("rssKibAtStart", MemoryReport.idle(system));
            if (warmupCalls > 0) {
                report.put("warmUp", summary(TrafficRun.run(system, TrafficPlan.spread(warmupCalls,
                        seconds(warmupCalls / warmupRate), seconds(3)))));
            }
            report.put("rssKibIdleAfterWarmUp", MemoryReport.idle(system));
            if (mode.equals("start-cost")) {
                Map<String, Object> shortCalls = measured(system, plan, "2s", profiling);
                Map<String, Object> longCalls = measured(system, TrafficPlan.spread(calls, seconds(calls / rate),
                        seconds(20)), "20s", profiling);
                report.put("twoSecondCalls", shortCalls);
                report.put("twentySecondCalls", longCalls);
                report.put("startCost", StartCost.of(shortCalls, longCalls, calls));
                // The same question at equal concurrency: as many calls up at once and as many call-seconds, but
                // twice the starts in the second run.
                Duration window = seconds(calls / rate);
                Map<String, Object> fewer = measured(system, TrafficPlan.spread(calls, window, seconds(4)), "4s",
                        profiling);
                Map<String, Object> more = measured(system, TrafficPlan.spread(2 * calls, window, seconds(2)), "2x2s",
                        profiling);
                report.put("fourSecondCalls", fewer);
                report.put("twiceAsManyTwoSecondCalls", more);
                report.put("startCostAtEqualConcurrency", StartCost.atEqualConcurrency(fewer, more));
            } else {
                report.put("run", measured(system, plan, mode, profiling));
            }
        }
        return report;
    }

    /** A run, with the services' idle CPU per second (timers, probes; JIT aside) measured just before it. */
    private static Map<String, Object> measured(BenchSystem system, TrafficPlan plan, String label, Profiling profiling)
            throws Exception {
        Map<String, ProcessStats> idleBefore = TrafficRun.cpu(system);
        Thread.sleep(IDLE_SAMPLE.toMillis()); // measuring idle is waiting: nothing to wait for
        Map<String, ProcessStats> idleAfter = TrafficRun.cpu(system);
        FlightRecordings recordings = profiling.jfr() == null ? null
                : FlightRecordings.start(Path.of(profiling.jfr()), label, system.phoneServices());
        AsyncProfiles profiles = profiling.profile() == null ? null
                : AsyncProfiles.start(Path.of(profiling.profile()), label, system.phoneServices());
        Map<String, Object> result = TrafficRun.run(system, plan);
        if (recordings != null) {
            recordings.stop();
        }
        if (profiles != null) {
            profiles.stop();
        }
        Map<String, Double> idle = new LinkedHashMap<>();
        double services = 0;
        for (String service : system.phoneServices().keySet()) {
            // Without the JIT compilers, which may still be compiling what the warm-up ran.
            // (A compiler thread that starts or ends in the sample can make it dip below zero by a tick.)
            double perSecond = Math.max(0, busy(idleAfter.get(service)) - busy(idleBefore.get(service)))
                    / (double) IDLE_SAMPLE.toSeconds();
            idle.put(service, perSecond);
            services += perSecond;
        }
        idle.put("services", services);
        result.put("idleCpuMsPerSecond", idle);
        System.out.println("---- " + plan.calls() + " calls");
        result.forEach((key, value) -> System.out.println("  " + key + ": " + value));
        return result;
    }

    private static long busy(ProcessStats stats) {
        return stats.cpuMillis() - stats.jitMillis();
    }

    /** Where JFR recordings and async-profiler profiles of the measured runs go; null: none. */
    private record Profiling(String jfr, String profile) {
    }

    private static String directory(Map<String, String> options, String option) {
        String dir = options.getOrDefault(option, "none");
        return dir.equals("none") ? null : dir;
    }

    private static Map<String, Object> summary(Map<String, Object> run) {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String key : new String[] {"calls", "seconds", "webhookToSessionConfigured", "failedToStart",
                "callsDropped", "servicesCpuMsPerCall", "failures"}) {
            if (run.containsKey(key)) {
                summary.put(key, run.get(key));
            }
        }
        return summary;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
