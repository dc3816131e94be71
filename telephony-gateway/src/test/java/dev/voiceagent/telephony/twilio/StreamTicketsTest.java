package dev.voiceagent.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stream tickets: one use per ticket, bound to its call, and agreed on by every gateway with the same auth token. */
class StreamTicketsTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
    private static final Duration TTL = Duration.ofSeconds(30);

    @Test
    void aTicketIssuedByOneGatewayIsAcceptedOnceByAnother() {
        StreamTickets webhookSide = new StreamTickets(Optional.of("account-auth-token"), TTL, NOW);
        StreamTickets streamSide = new StreamTickets(Optional.of("account-auth-token"), TTL, NOW);
        String ticket = webhookSide.issue("CA1").orElseThrow();

        assertThat(streamSide.redeem(ticket, "CA1")).isEqualTo(StreamTickets.Outcome.ACCEPTED);
        assertThat(streamSide.redeem(ticket, "CA1")).isEqualTo(StreamTickets.Outcome.USED);
    }

    @Test
    void anotherAccountsTicketIsInvalid() {
        String ticket = new StreamTickets(Optional.of("another-auth-token"), TTL, NOW).issue("CA1").orElseThrow();
        assertThat(new StreamTickets(Optional.of("account-auth-token"), TTL, NOW).redeem(ticket, "CA1"))
                .isEqualTo(StreamTickets.Outcome.INVALID);
    }

    @Test
    void withoutAnAuthTokenTicketsAreOffLikeTheSignatures() {
        StreamTickets off = new StreamTickets(Optional.empty(), TTL, NOW);
        assertThat(off.issue("CA1")).isEmpty();
        assertThat(off.redeem(null, "CA1")).isEqualTo(StreamTickets.Outcome.ACCEPTED);
    }

    @Test
    void usedTicketsAreForgottenOnceExpiredSoTheMemoryStaysBounded() {
        Clock[] clock = {NOW};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0].instant();
            }
        };
        StreamTickets tickets = new StreamTickets(Optional.of("account-auth-token"), TTL, moving);
        String first = tickets.issue("CA1").orElseThrow();
        tickets.redeem(first, "CA1");
        clock[0] = Clock.offset(NOW, TTL.plusSeconds(1));

        assertThat(tickets.redeem(tickets.issue("CA2").orElseThrow(), "CA2")).isEqualTo(StreamTickets.Outcome.ACCEPTED);
        assertThat(tickets.usedCount()).isEqualTo(1);
        assertThat(tickets.redeem(first, "CA1")).as("still refused, now as expired")
                .isEqualTo(StreamTickets.Outcome.EXPIRED);
    }
}
