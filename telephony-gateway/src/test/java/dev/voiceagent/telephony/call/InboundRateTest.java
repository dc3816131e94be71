package dev.voiceagent.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboundRateTest {

    private static final long MS = 1_000_000;

    private final InboundRate rate = new InboundRate(new StreamLimits() {
        @Override
        public int maxMessageChars() {
            return 16384;
        }

        @Override
        public int maxMessagesPerSecond() {
            return 3;
        }

        @Override
        public int floodSecondsBeforeClose() {
            return 2;
        }

        @Override
        public int pendingAudioChars() {
            return 1000;
        }

        @Override
        public java.time.Duration playoutWait() {
            return java.time.Duration.ofSeconds(1);
        }
    });

    @Test
    void admitsUpToTheRateAndDropsTheBurstAboveIt() {
        assertThat(rate.admit(0)).isEqualTo(InboundRate.Verdict.ADMIT);
        assertThat(rate.admit(10 * MS)).isEqualTo(InboundRate.Verdict.ADMIT);
        assertThat(rate.admit(20 * MS)).isEqualTo(InboundRate.Verdict.ADMIT);
        assertThat(rate.admit(30 * MS)).isEqualTo(InboundRate.Verdict.DROP);
        assertThat(rate.admit(1000 * MS)).as("a new second").isEqualTo(InboundRate.Verdict.ADMIT);
    }

    @Test
    void closesAStreamThatStaysAboveTheRate() {
        for (int i = 0; i < 5; i++) {
            rate.admit(i * MS);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(rate.admit(1000 * MS + i * MS)).isEqualTo(InboundRate.Verdict.ADMIT);
        }
        assertThat(rate.admit(1010 * MS)).isEqualTo(InboundRate.Verdict.CLOSE);
    }

    @Test
    void aQuietSecondForgivesAnEarlierBurst() {
        for (int i = 0; i < 5; i++) {
            rate.admit(i * MS);
        }
        rate.admit(3000 * MS);
        for (int i = 1; i < 3; i++) {
            rate.admit(3000 * MS + i * MS);
        }
        assertThat(rate.admit(3010 * MS)).isEqualTo(InboundRate.Verdict.DROP);
    }
}
