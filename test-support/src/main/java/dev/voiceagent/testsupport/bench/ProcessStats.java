package dev.voiceagent.testsupport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a process, read from /proc (Linux). */
record ProcessStats(long cpuMillis, long rssKib) {

    private static final long TICK_MILLIS = 10; // USER_HZ is 100 on Linux

    static ProcessStats of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
            long rss = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
            return new ProcessStats(ticks * TICK_MILLIS, rss);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc for " + pid, e);
        }
    }
}
