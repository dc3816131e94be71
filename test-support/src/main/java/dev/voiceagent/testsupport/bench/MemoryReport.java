package dev.voiceagent.testsupport.bench;

import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each service's resident memory for the container question: idle before the calls, now, and the highest it has been
 * since it started (VmHWM), which is what a container's memory limit must hold.
 */
final class MemoryReport {

    private MemoryReport() {
    }

    /** Every service's resident size now, in KiB (read while no call is up, it is the idle size). */
    static Map<String, Long> idle(BenchSystem system) {
        Map<String, Long> idle = new LinkedHashMap<>();
        services(system).forEach((name, service) -> idle.put(name, ProcessStats.of(service.pid()).rssKib()));
        return idle;
    }

    static Map<String, Object> of(BenchSystem system, Map<String, Long> idle) {
        Map<String, Object> report = new LinkedHashMap<>();
        services(system).forEach((name, service) -> {
            ProcessStats now = ProcessStats.of(service.pid());
            report.put(name, Map.of("idleRssKib", idle.getOrDefault(name, 0L), "rssKib", now.rssKib(),
                    "peakRssKib", now.peakRssKib()));
        });
        return report;
    }

    private static Map<String, QuarkusServiceProcess> services(BenchSystem system) {
        Map<String, QuarkusServiceProcess> services = new LinkedHashMap<>(system.phoneServices());
        if (system.web != null) {
            services.put("web", system.web);
        }
        return services;
    }
}
