package dev.voiceagent.testsupport.twilio;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Twilio's outbound audio buffer: media is queued and played in order at 8 bytes per millisecond, a mark is
 * echoed once the audio queued before it has played, and {@code clear} drops what is queued and echoes pending
 * marks at once. Not thread-safe: the simulator uses it from its socket's event loop and reads it under lock.
 */
final class PlayoutBuffer {

    private record PendingMark(long position, String name) {
    }

    private final ArrayDeque<byte[]> queued = new ArrayDeque<>();
    private final ArrayDeque<PendingMark> marks = new ArrayDeque<>();
    private final ByteArrayOutputStream played = new ByteArrayOutputStream();
    private long queuedPosition;
    private long playedPosition;
    private int headOffset;

    void enqueue(byte[] audio) {
        queued.add(audio);
        queuedPosition += audio.length;
    }

    void mark(String name) {
        marks.add(new PendingMark(queuedPosition, name));
    }

    /** Plays up to {@code bytes}; returns the marks now due, in order. */
    List<String> play(int bytes) {
        int remaining = bytes;
        while (remaining > 0 && !queued.isEmpty()) {
            byte[] head = queued.peek();
            int take = Math.min(remaining, head.length - headOffset);
            played.write(head, headOffset, take);
            headOffset += take;
            remaining -= take;
            playedPosition += take;
            if (headOffset == head.length) {
                queued.poll();
                headOffset = 0;
            }
        }
        List<String> due = new ArrayList<>();
        while (!marks.isEmpty() && marks.peek().position() <= playedPosition) {
            due.add(marks.poll().name());
        }
        return due;
    }

    /** Drops all queued audio; returns the milliseconds dropped and the pending marks to echo now. */
    long clear(List<String> marksToEcho) {
        long dropped = queuedPosition - playedPosition;
        queued.clear();
        headOffset = 0;
        queuedPosition = playedPosition;
        marks.forEach(mark -> marksToEcho.add(mark.name()));
        marks.clear();
        return dropped / 8;
    }

    byte[] played() {
        return played.toByteArray();
    }

    long playedMs() {
        return playedPosition / 8;
    }
}
