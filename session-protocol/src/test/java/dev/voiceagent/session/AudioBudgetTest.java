package dev.voiceagent.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AudioBudgetTest {

    private static final long MS = 1_000_000L;
    private static final int FRAME_MS = 20;

    @Test
    void aCallerPacedInRealTimeIsNeverRefused() {
        AudioBudget budget = new AudioBudget(6_000, 1.5);
        for (long t = 0; t < 120_000; t += FRAME_MS) {
            assertThat(budget.admit(FRAME_MS, t * MS)).as("frame at %d ms", t).isTrue();
        }
    }

    @Test
    void theBacklogOfAFourSecondStallPassesWhole() {
        AudioBudget budget = new AudioBudget(6_000, 1.5);
        long t = 0;
        for (; t < 10_000; t += FRAME_MS) {
            assertThat(budget.admit(FRAME_MS, t * MS)).isTrue();
        }
        long resumed = t + 4_000; // nothing arrives for 4 s, then all 200 frames of it at once
        for (int frame = 0; frame < 200; frame++) {
            assertThat(budget.admit(FRAME_MS, resumed * MS)).as("backlog frame %d", frame).isTrue();
        }
        for (t = resumed + FRAME_MS; t < resumed + 30_000; t += FRAME_MS) {
            assertThat(budget.admit(FRAME_MS, t * MS)).isTrue();
        }
    }

    @Test
    void manySmallChunksPerSecondAreMeasuredByTheirAudio() {
        AudioBudget budget = new AudioBudget(6_000, 1.5);
        // A page on a 240 Hz display: 240 chunks per second, each 1/240 s of audio (about 4 ms).
        for (long tick = 0; tick < 240 * 60; tick++) {
            long nanos = tick * 1_000_000_000L / 240;
            assertThat(budget.admit(4, nanos)).as("chunk %d", tick).isTrue();
        }
    }

    @Test
    void sustainedInputWellAboveRealTimeIsAFlood() {
        AudioBudget budget = new AudioBudget(6_000, 1.5);
        long refusedAtMs = -1;
        for (long t = 0; t < 20_000 && refusedAtMs < 0; t += FRAME_MS) {
            // three frames of 20 ms every 20 ms: three times real time
            for (int i = 0; i < 3; i++) {
                if (!budget.admit(FRAME_MS, t * MS)) {
                    refusedAtMs = t;
                    break;
                }
            }
        }
        // 6 s of burst drained at 1.5 ms of excess per ms: refused after about 4 s, not at once
        assertThat(refusedAtMs).isBetween(3_500L, 4_500L);
    }
}
