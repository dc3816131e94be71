package dev.voiceagent.testsupport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's GC log ({@code -Xlog:gc:file=...}), read for the stop-the-world pauses of a window: the JVM's own
 * metrics export only the longest pause, not the distribution the p99 needs. G1, Parallel and Serial log a pause as
 * {@code ... Pause Young (...) 24M->6M(64M) 3.123ms}.
 */
final class GcLog {

    private static final Pattern PAUSE = Pattern.compile("Pause .* ([0-9.]+)ms$");

    private final Path file;

    GcLog(Path file) {
        this.file = file;
    }

    /** The JVM option that writes this log. */
    String jvmOption() {
        return "-Xlog:gc:file=" + file;
    }

    /** How many lines the log has now: the start of a window. */
    int mark() {
        return lines().size();
    }

    /** Pause durations in nanoseconds (as {@link Percentiles} takes them) logged since {@code mark}. */
    long[] pausesSince(int mark) {
        List<String> lines = lines();
        return lines.subList(Math.min(mark, lines.size()), lines.size()).stream()
                .map(PAUSE::matcher).filter(Matcher::find)
                .mapToLong(pause -> Math.round(Double.parseDouble(pause.group(1)) * 1_000_000)).toArray();
    }

    private List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
