package dev.voiceagent.testsupport.bench;

import java.util.Arrays;
import java.util.BitSet;

/**
 * One direction of tagged audio: when each frame of each call left, when it arrived, and whether any frame was
 * lost, duplicated or reordered. Frames are 160 bytes whose first eight carry (call, sequence). Thread-safe.
 */
final class FrameLedger {

    private static final int FRAME = 160;

    private final long[][] sentAt;
    private final BitSet[] received;
    private final int[] highest;
    private final boolean[][] excused;
    private long[] latencies = new long[1 << 16];
    /** The sequence number of each latency sample, so a run can tell its first frames (a greeting) from the rest. */
    private int[] latencySequences = new int[1 << 16];
    private int latencyCount;
    private long duplicates;
    private long reordered;

    FrameLedger(int calls, int framesPerCall) {
        sentAt = new long[calls][framesPerCall];
        received = new BitSet[calls];
        highest = new int[calls];
        excused = new boolean[calls][framesPerCall];
        for (int call = 0; call < calls; call++) {
            received[call] = new BitSet(framesPerCall);
            highest[call] = -1;
        }
    }

    static byte[] frame(int call, int sequence) {
        byte[] frame = new byte[FRAME];
        java.nio.ByteBuffer.wrap(frame).putInt(call).putInt(sequence);
        return frame;
    }

    /** {@code count} tagged frames of a call from {@code from} on, as one chunk of audio. */
    static byte[] frames(int call, int from, int count) {
        byte[] audio = new byte[count * FRAME];
        for (int f = 0; f < count; f++) {
            System.arraycopy(frame(call, from + f), 0, audio, f * FRAME, FRAME);
        }
        return audio;
    }

    synchronized void sent(int call, int sequence, long nanos) {
        if (sequence < sentAt[call].length) {
            sentAt[call][sequence] = nanos;
        }
    }

    /** Audio that will not be played on purpose (an interrupted answer): its frames do not count as lost. */
    synchronized void excuse(int call, int fromSequence, int toSequence) {
        for (int sequence = fromSequence; sequence < toSequence && sequence < excused[call].length; sequence++) {
            excused[call][sequence] = true;
        }
    }

    /** Reads every frame in a chunk of received audio. */
    synchronized void received(byte[] audio, long nanos) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(audio);
        for (int offset = 0; offset + FRAME <= audio.length; offset += FRAME) {
            int call = buffer.getInt(offset);
            int sequence = buffer.getInt(offset + 4);
            if (call < 0 || call >= received.length || sequence < 0 || sequence >= sentAt[call].length
                    || sentAt[call][sequence] == 0) {
                continue; // not a frame this ledger saw leave (audio a hanging-up call was not meant to get)
            }
            if (received[call].get(sequence)) {
                duplicates++;
                continue;
            }
            received[call].set(sequence);
            if (sequence < highest[call]) {
                reordered++;
            }
            highest[call] = Math.max(highest[call], sequence);
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
                latencySequences = Arrays.copyOf(latencySequences, latencies.length);
            }
            latencySequences[latencyCount] = sequence;
            latencies[latencyCount++] = nanos - sentAt[call][sequence];
        }
    }

    /** Frames that were sent, not excused, and never arrived. */
    synchronized long lost() {
        long lost = 0;
        for (int call = 0; call < sentAt.length; call++) {
            lost += pending(call);
        }
        return lost;
    }

    /** Frames of one call that were sent, not excused, and have not arrived yet. */
    synchronized int pending(int call) {
        int pending = 0;
        for (int sequence = 0; sequence < sentAt[call].length; sequence++) {
            if (sentAt[call][sequence] != 0 && !excused[call][sequence] && !received[call].get(sequence)) {
                pending++;
            }
        }
        return pending;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long reordered() {
        return reordered;
    }

    /** Starts the latency sample afresh (after a warm-up); losses keep counting from the start. */
    synchronized void restartLatencies() {
        latencyCount = 0;
    }

    synchronized long count() {
        return latencyCount;
    }

    synchronized Percentiles latency() {
        return Percentiles.of(Arrays.copyOf(latencies, latencyCount));
    }

    /** Latencies of the frames whose sequence number is below {@code limit} (each call's first frames). */
    synchronized Percentiles latencyBelow(int limit) {
        return Percentiles.of(java.util.stream.IntStream.range(0, latencyCount)
                .filter(i -> latencySequences[i] < limit).mapToLong(i -> latencies[i]).toArray());
    }
}
