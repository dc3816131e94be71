package dev.voiceagent.testsupport.bench;

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
 * 2-s call beyond two seconds of relay is the cost of a call's start (and end).
 * </ul>
 * Before the measured run, {@code warmupCalls} calls of 3 s (ten a second) let the services' JIT compile the start
 * path, as it is in a service that has been taking calls.
 */
final class TrafficBenchmark {

    private static final Duration IDLE_SAMPLE = Duration.ofSeconds(5);

    private TrafficBenchmark() {
    }

    static Map<String, Object> run(String mode, Map<String, String> options) throws Exception {
        int calls = Integer.parseInt(options.getOrDefault("calls", "50").split(",")[0].trim());
        double rate = Double.parseDouble(options.getOrDefault("rate", "5"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "20"));
        int warmupCalls = Integer.parseInt(options.getOrDefault("warmup-calls", "100"));
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
        try (BenchSystem system = new BenchSystem(Math.max(plan.calls(), warmupCalls))) {
            report.put("rssKibAtStart", rss(system));
            if (warmupCalls > 0) {
                report.put("warmUp", summary(TrafficRun.run(system, TrafficPlan.spread(warmupCalls,
                        seconds(warmupCalls / 10.0), seconds(3)))));
            }
            report.put("rssKibIdleAfterWarmUp", rss(system));
            if (mode.equals("start-cost")) {
                Map<String, Object> shortCalls = measured(system, plan);
                Map<String, Object> longCalls = measured(system, TrafficPlan.spread(calls, seconds(calls / rate),
                        seconds(20)));
                report.put("twoSecondCalls", shortCalls);
                report.put("twentySecondCalls", longCalls);
                report.put("startCost", StartCost.of(shortCalls, longCalls, calls));
            } else {
                report.put("run", measured(system, plan));
            }
        }
        return report;
    }

    /** A run, with the services' idle CPU per second measured just before it (timers, probes, metrics). */
    private static Map<String, Object> measured(BenchSystem system, TrafficPlan plan) throws Exception {
        Map<String, ProcessStats> idleBefore = TrafficRun.cpu(system);
        Thread.sleep(IDLE_SAMPLE.toMillis()); // measuring idle is waiting: nothing to wait for
        Map<String, ProcessStats> idleAfter = TrafficRun.cpu(system);
        Map<String, Object> result = TrafficRun.run(system, plan);
        Map<String, Double> idle = new LinkedHashMap<>();
        double services = 0;
        for (String service : system.phoneServices().keySet()) {
            double perSecond = (idleAfter.get(service).cpuMillis() - idleBefore.get(service).cpuMillis())
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

    private static Map<String, Object> summary(Map<String, Object> run) {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String key : new String[] {"calls", "seconds", "webhookToSessionConfigured", "failedToStart",
                "callsDropped", "servicesCpuMsPerCall"}) {
            summary.put(key, run.get(key));
        }
        return summary;
    }

    private static Map<String, Long> rss(BenchSystem system) {
        Map<String, Long> rss = new LinkedHashMap<>();
        system.phoneServices().forEach((name, service) -> rss.put(name, ProcessStats.of(service.pid()).rssKib()));
        return rss;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
