package dev.voiceagent.testsupport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameLedgerTest {

    @Test
    void pendingCountsFramesSentAndNotArrivedUnlessExcused() {
        FrameLedger ledger = new FrameLedger(2, 10);
        for (int sequence = 0; sequence < 4; sequence++) {
            ledger.sent(0, sequence, 1_000 + sequence);
        }
        ledger.sent(1, 0, 1_000);
        ledger.received(FrameLedger.frames(0, 0, 2), 5_000);
        ledger.excuse(0, 3, 4);

        assertThat(ledger.pending(0)).as("frame 2 is still in flight").isEqualTo(1);
        assertThat(ledger.pending(1)).isEqualTo(1);
        ledger.received(FrameLedger.frames(0, 2, 1), 6_000);
        assertThat(ledger.pending(0)).isZero();
        assertThat(ledger.lost()).as("call 1's frame never came").isEqualTo(1);
    }

    @Test
    void framesNeverSentAreNeitherTimedNorCounted() {
        FrameLedger ledger = new FrameLedger(1, 10);
        ledger.sent(0, 0, 1_000);

        ledger.received(FrameLedger.frames(0, 0, 3), 2_000);

        assertThat(ledger.count()).isEqualTo(1);
        assertThat(ledger.duplicates()).isZero();
        assertThat(ledger.latency().max()).isEqualTo(1_000 / 1e6);
    }

    @Test
    void latencyBelowKeepsEachCallsFirstFramesApart() {
        FrameLedger ledger = new FrameLedger(2, 10);
        for (int call = 0; call < 2; call++) {
            for (int sequence = 0; sequence < 4; sequence++) {
                ledger.sent(call, sequence, 1_000_000); // (0 would mean never sent)
            }
        }
        ledger.received(FrameLedger.frames(0, 0, 4), 2_000_000); // 1 ms
        ledger.received(FrameLedger.frames(1, 0, 2), 10_000_000); // 9 ms
        ledger.received(FrameLedger.frames(1, 2, 2), 51_000_000); // 50 ms, beyond the first two

        assertThat(ledger.latencyBelow(2).samples()).isEqualTo(4);
        assertThat(ledger.latencyBelow(2).max()).isEqualTo(9.0);
        assertThat(ledger.latency().max()).isEqualTo(50.0);
    }
}
