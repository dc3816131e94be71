package dev.voiceagent.testsupport.bench;

import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the same load several times against the same two services and records what each round leaves behind once
 * its calls have ended: live heap (after a full GC), threads and open file descriptors. A leak shows as growth
 * from round to round. The first round is the baseline's warm-up (class loading, JIT, pools filling), so growth is
 * measured from the second.
 */
final class LeakCheck {

    /** What a process holds when idle. */
    record Residue(long liveHeapKib, long threads, long openFiles) {

        static Residue of(QuarkusServiceProcess service) {
            try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(service.pid()), "fd"))) {
                long threads = Files.readAllLines(Path.of("/proc", Long.toString(service.pid()), "status")).stream()
                        .filter(line -> line.startsWith("Threads:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
                return new Residue((long) (Metrics.heapBytes(service) / 1024), threads, fds.count());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read /proc for " + service.pid(), e);
            }
        }

        Residue minus(Residue other) {
            return new Residue(liveHeapKib - other.liveHeapKib, threads - other.threads, openFiles - other.openFiles);
        }
    }

    private LeakCheck() {
    }

    static Map<String, Object> run(LoadBenchmark.Config config, int rounds) throws Exception {
        List<Map<String, Object>> perRound = new ArrayList<>();
        Residue gatewayBaseline = null;
        Residue coreBaseline = null;
        Residue gateway = null;
        Residue core = null;
        try (BenchSystem system = new BenchSystem(config.calls())) {
            for (int round = 1; round <= rounds; round++) {
                Map<String, Object> load = LoadBenchmark.run(config, system);
                gateway = Residue.of(system.gateway);
                core = Residue.of(system.core);
                if (round == 2) {
                    gatewayBaseline = gateway;
                    coreBaseline = core;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("round", round);
                row.put("framesLost", ((Map<?, ?>) load.get("inbound")).get("lost") + "/"
                        + ((Map<?, ?>) load.get("outbound")).get("lost"));
                row.put("callsDropped", load.get("callsDropped"));
                row.put("gatewayIdle", gateway);
                row.put("coreIdle", core);
                perRound.add(row);
                System.out.println("  after round " + round + ": gateway " + gateway + ", core " + core);
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("calls", config.calls());
        report.put("rounds", rounds);
        report.put("perRound", perRound);
        if (gatewayBaseline != null) {
            report.put("growthSinceRound2", Map.of("gateway", gateway.minus(gatewayBaseline),
                    "core", core.minus(coreBaseline)));
            System.out.println("growth since round 2: gateway " + gateway.minus(gatewayBaseline) + ", core "
                    + core.minus(coreBaseline));
        }
        return report;
    }
}
