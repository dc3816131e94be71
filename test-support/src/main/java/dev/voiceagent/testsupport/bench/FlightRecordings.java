package dev.voiceagent.testsupport.bench;

import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * JFR recordings of the services over one measured run ({@code --jfr DIR}): started through {@code jcmd} just before
 * the first webhook, dumped to {@code DIR/<service>-<run>.jfr} after the last hang-up, so the warm-up and the idle
 * sample stay out. Java samples every millisecond of wall time, and JDK 25's CPU-time samples (JEP 509) every
 * millisecond of CPU, so native and kernel time spent under a Java frame is charged to it.
 */
final class FlightRecordings {

    private static final List<String> SETTINGS = List.of("settings=profile", "jdk.ExecutionSample#period=1ms",
            "jdk.CPUTimeSample#enabled=true", "jdk.CPUTimeSample#throttle=1ms");

    private final Path dir;
    private final String run;
    private final Map<String, QuarkusServiceProcess> services;

    private FlightRecordings(Path dir, String run, Map<String, QuarkusServiceProcess> services) {
        this.dir = dir;
        this.run = run;
        this.services = services;
    }

    static FlightRecordings start(Path dir, String run, Map<String, QuarkusServiceProcess> services)
            throws IOException {
        Files.createDirectories(dir);
        FlightRecordings recordings = new FlightRecordings(dir.toAbsolutePath(), run, services);
        for (QuarkusServiceProcess service : services.values()) {
            List<String> command = new java.util.ArrayList<>(List.of("JFR.start", "name=bench-" + run));
            command.addAll(SETTINGS);
            Jcmd.run(service.pid(), command);
        }
        return recordings;
    }

    void stop() {
        for (Map.Entry<String, QuarkusServiceProcess> service : services.entrySet()) {
            Jcmd.run(service.getValue().pid(), List.of("JFR.stop", "name=bench-" + run,
                    "filename=" + dir.resolve(service.getKey() + "-" + run + ".jfr")));
        }
    }
}
