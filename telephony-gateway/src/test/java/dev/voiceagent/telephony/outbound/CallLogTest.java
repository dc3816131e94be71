package dev.voiceagent.telephony.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CallLogTest {

    private final CallLog log = new CallLog(2, Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void theLatestStatusKeepsTheMachineVerdictAndTheDuration() {
        log.status("CA1", "ringing", null);
        log.answeredBy("CA1", "human");
        log.status("CA1", "completed", "42");
        log.status("CA1", "completed", null);
        assertThat(log.latest("CA1")).contains(new CallLog.Entry("CA1", "completed", "human", "42",
                Instant.parse("2026-11-30T12:00:00Z")));
    }

    @Test
    void theCallLeastRecentlyUpdatedIsForgottenFirst() {
        log.status("CA1", "initiated", null);
        log.status("CA2", "initiated", null);
        log.latest("CA1");
        log.status("CA1", "ringing", null);
        log.status("CA3", "initiated", null);
        assertThat(log.latest("CA2")).isEmpty();
        assertThat(log.latest("CA1")).isPresent();
        assertThat(log.latest("CA3")).isPresent();
    }
}
