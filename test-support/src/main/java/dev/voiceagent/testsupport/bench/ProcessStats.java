package dev.voiceagent.testsupport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of a process, read from /proc (Linux): user and kernel time, and the CPU time of the
 * threads that do the relaying (event loops) apart from the JVM's own (JIT compilers, garbage collector).
 */
record ProcessStats(long userMillis, long systemMillis, long eventLoopMillis, long jitMillis, long gcMillis,
        long rssKib, long peakRssKib) {

    private static final long TICK_MILLIS = 10; // USER_HZ is 100 on Linux

    static ProcessStats of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            long[] process = ticks(Files.readString(proc.resolve("stat")));
            long eventLoops = 0;
            long jit = 0;
            long gc = 0;
            try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException gone) {
                        continue; // the thread ended between listing and reading
                    }
                    long[] thread = ticks(stat);
                    long millis = (thread[0] + thread[1]) * TICK_MILLIS;
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("vert.x-eventloo")) {
                        eventLoops += millis;
                    } else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        jit += millis;
                    } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                        gc += millis;
                    }
                }
            }
            List<String> status = Files.readAllLines(proc.resolve("status"));
            return new ProcessStats(process[0] * TICK_MILLIS, process[1] * TICK_MILLIS, eventLoops, jit, gc,
                    kib(status, "VmRSS:"), kib(status, "VmHWM:"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc for " + pid, e);
        }
    }

    /** A memory line of /proc/PID/status; VmHWM is the highest resident size since the process started. */
    private static long kib(List<String> status, String field) {
        return status.stream().filter(line -> line.startsWith(field))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
    }

    long cpuMillis() {
        return userMillis + systemMillis;
    }

    /**
     * CPU-ms per call-second between two readings: user and kernel time, and the share of the event loops, the JIT
     * compilers and the garbage collector (the rest is other JVM and application threads, including ended ones).
     */
    static Map<String, Double> breakdown(ProcessStats start, ProcessStats end, double callSeconds) {
        Map<String, Double> perCallSecond = new LinkedHashMap<>();
        perCallSecond.put("user", (end.userMillis - start.userMillis) / callSeconds);
        perCallSecond.put("system", (end.systemMillis - start.systemMillis) / callSeconds);
        perCallSecond.put("eventLoops", (end.eventLoopMillis - start.eventLoopMillis) / callSeconds);
        perCallSecond.put("jit", (end.jitMillis - start.jitMillis) / callSeconds);
        perCallSecond.put("gc", (end.gcMillis - start.gcMillis) / callSeconds);
        return perCallSecond;
    }

    private static long[] ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])}; // utime, stime
    }
}
