package dev.voiceagent.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.session.UsedOnce.Use;
import org.junit.jupiter.api.Test;

class UsedOnceTest {

    private final UsedOnce used = new UsedOnce(3);

    @Test
    void aValueIsUsedOnceUntilItExpires() {
        assertThat(used.use("a", 1_000, 0)).isEqualTo(Use.FIRST);
        assertThat(used.use("a", 1_000, 999)).isEqualTo(Use.REPLAYED);
        assertThat(used.use("b", 2_000, 999)).isEqualTo(Use.FIRST);
    }

    @Test
    void expiredValuesAreForgotten() {
        used.use("a", 1_000, 0);
        used.use("b", 1_500, 0);
        used.use("c", 3_000, 0);
        used.use("d", 1_000, 1_000); // expired when presented: not remembered
        assertThat(used.size()).isEqualTo(2);
        used.use("e", 2_000, 1_500);
        assertThat(used.size()).as("c and e").isEqualTo(2);
    }

    @Test
    void aFullMemoryRefusesNewValuesAndForgetsNoneEarly() {
        used.use("a", 1_000, 0);
        used.use("b", 2_000, 0);
        used.use("c", 3_000, 0);
        assertThat(used.use("d", 3_000, 10)).isEqualTo(Use.FULL);
        assertThat(used.use("a", 1_000, 10)).as("still remembered").isEqualTo(Use.REPLAYED);
        assertThat(used.use("d", 3_000, 1_000)).as("a has expired: room again").isEqualTo(Use.FIRST);
    }

    @Test
    void memoryStaysWithinItsCapacityAndEmptiesAsValuesExpire() {
        UsedOnce memory = new UsedOnce(1_000);
        long now = 0;
        int full = 0;
        for (int i = 0; i < 100_000; i++, now += 1) { // 100 new values per 100 ms, each living 60 s
            if (memory.use("nonce-" + i, now + 60_000, now) == Use.FULL) {
                full++;
            }
            assertThat(memory.size()).isLessThanOrEqualTo(1_000);
        }
        assertThat(full).as("refused while full").isPositive();
        memory.use("late", now + 61_000 + 60_000, now + 61_000);
        assertThat(memory.size()).as("all else expired").isEqualTo(1);
    }
}
