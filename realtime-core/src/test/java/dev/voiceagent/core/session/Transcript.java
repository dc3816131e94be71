package dev.voiceagent.core.session;

import java.util.ArrayList;
import java.util.List;

/**
 * What a conversation emitted, to both sides, in the order it emitted it: {@code "model: <client event>"} and
 * {@code "gateway: <message>"} lines, so a test can assert the exact sequence.
 */
final class Transcript {

    private final List<String> lines = new ArrayList<>();
    private int mark;

    void add(String line) {
        lines.add(line);
    }

    List<String> all() {
        return List.copyOf(lines);
    }

    /** What was emitted since the last call, and a new mark. */
    List<String> sinceLast() {
        List<String> recent = List.copyOf(lines.subList(mark, lines.size()));
        mark = lines.size();
        return recent;
    }
}
