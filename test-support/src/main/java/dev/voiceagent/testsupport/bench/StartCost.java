package dev.voiceagent.testsupport.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cost of a call's start, from the same calls run twice, 2 s and 20 s long: each run's CPU less what the
 * services spend idle over as long (timers, probes), then per service the relay's cost per call-second (the
 * difference between the runs over the difference in call-seconds) and, per call, what a short call cost beyond
 * its seconds of relay (its start and its end); once with everything, once without the JIT compilers' CPU.
 */
final class StartCost {

    private StartCost() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> shortRun, Map<String, Object> longRun, int calls) {
        Map<String, Object> perService = new LinkedHashMap<>();
        double startTotal = 0;
        double startWithoutJitTotal = 0;
        double relayTotal = 0;
        double shortCallTotal = 0;
        for (String service : ((Map<String, Double>) shortRun.get("idleCpuMsPerSecond")).keySet()) {
            if (service.equals("services")) {
                continue;
            }
            double shortCpu = busyCpu(shortRun, service);
            double longCpu = busyCpu(longRun, service);
            double shortSeconds = (double) shortRun.get("callSeconds");
            double relayPerCallSecond = (longCpu - shortCpu) / ((double) longRun.get("callSeconds") - shortSeconds);
            double start = (shortCpu - relayPerCallSecond * shortSeconds) / calls;
            // The same without the JIT compilers' CPU in either run: what a start costs once its code is compiled.
            double shortWithoutJit = shortCpu - jitCpu(shortRun, service);
            double relayWithoutJit = (longCpu - jitCpu(longRun, service) - shortWithoutJit)
                    / ((double) longRun.get("callSeconds") - shortSeconds);
            double startWithoutJit = (shortWithoutJit - relayWithoutJit * shortSeconds) / calls;
            perService.put(service, Map.of("startCpuMsPerCall", start, "startCpuMsPerCallWithoutJit", startWithoutJit,
                    "relayCpuMsPerCallSecond", relayPerCallSecond, "shortCallCpuMs", shortCpu / calls));
            startTotal += start;
            startWithoutJitTotal += startWithoutJit;
            relayTotal += relayPerCallSecond;
            shortCallTotal += shortCpu / calls;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startCpuMsPerCall", startTotal);
        result.put("startCpuMsPerCallWithoutJit", startWithoutJitTotal);
        result.put("relayCpuMsPerCallSecond", relayTotal);
        result.put("twoSecondCallCpuMs", shortCallTotal);
        result.put("perService", perService);
        return result;
    }

    /**
     * The cost of a start from two runs with the same calls up at once and the same call-seconds, one with twice the
     * calls of half the length: their difference in CPU is the extra starts (and ends) alone, with no estimate of the
     * relay's cost in it, which depends on how many calls share each wake-up of an event loop.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> atEqualConcurrency(Map<String, Object> fewerRun, Map<String, Object> moreRun) {
        int extraStarts = (int) moreRun.get("calls") - (int) fewerRun.get("calls");
        Map<String, Object> perService = new LinkedHashMap<>();
        double total = 0;
        double totalWithoutJit = 0;
        for (String service : ((Map<String, Double>) fewerRun.get("idleCpuMsPerSecond")).keySet()) {
            if (service.equals("services")) {
                continue;
            }
            double extra = busyCpu(moreRun, service) - busyCpu(fewerRun, service);
            double extraWithoutJit = extra - jitCpu(moreRun, service) + jitCpu(fewerRun, service);
            perService.put(service, Map.of("startCpuMsPerCall", extra / extraStarts,
                    "startCpuMsPerCallWithoutJit", extraWithoutJit / extraStarts));
            total += extra / extraStarts;
            totalWithoutJit += extraWithoutJit / extraStarts;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startCpuMsPerCall", total);
        result.put("startCpuMsPerCallWithoutJit", totalWithoutJit);
        result.put("callSeconds", Map.of("fewerCalls", fewerRun.get("callSeconds"), "moreCalls",
                moreRun.get("callSeconds")));
        result.put("meanConcurrentCalls", Map.of("fewerCalls", ((Map<String, Object>) fewerRun.get(
                "concurrentCalls")).get("mean"), "moreCalls", ((Map<String, Object>) moreRun.get("concurrentCalls"))
                        .get("mean")));
        result.put("perService", perService);
        return result;
    }

    @SuppressWarnings("unchecked")
    private static double jitCpu(Map<String, Object> run, String service) {
        return (long) ((Map<String, Object>) run.get("jitCpuMs")).get(service);
    }

    /** A service's CPU in a run, less its idle CPU over the run's length. */
    @SuppressWarnings("unchecked")
    private static double busyCpu(Map<String, Object> run, String service) {
        long cpu = (long) ((Map<String, Object>) run.get("cpuMs")).get(service);
        double idlePerSecond = ((Map<String, Double>) run.get("idleCpuMsPerSecond")).get(service);
        return cpu - idlePerSecond * (double) run.get("seconds");
    }
}
