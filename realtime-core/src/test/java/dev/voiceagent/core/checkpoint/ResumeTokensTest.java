package dev.voiceagent.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ResumeTokensTest {

    private static final String SECRET = "a-secret-the-cores-share";
    private final Instant now = Instant.parse("2026-11-30T10:00:00Z");
    private final ResumeTokens tokens = new ResumeTokens(SECRET, Clock.fixed(now, ZoneOffset.UTC),
            Duration.ofMinutes(10));

    @Test
    void anyCoreWithTheSecretReadsTheConversationOfAGenuineToken() {
        String token = tokens.issue("conv-42");
        ResumeTokens otherCore = new ResumeTokens(SECRET, Clock.fixed(now.plusSeconds(60), ZoneOffset.UTC),
                Duration.ofMinutes(10));
        assertThat(otherCore.verify(token)).contains("conv-42");
    }

    @Test
    void refusesExpiredTamperedAndForeignTokens() {
        String token = tokens.issue("conv-42");
        assertThat(new ResumeTokens(SECRET, Clock.fixed(now.plusSeconds(601), ZoneOffset.UTC), Duration.ofMinutes(10))
                .verify(token)).isEmpty();
        assertThat(tokens.verify(token.substring(1))).isEmpty();
        assertThat(new ResumeTokens("another-secret-entirely", Clock.fixed(now, ZoneOffset.UTC),
                Duration.ofMinutes(10)).verify(token)).isEmpty();
        assertThat(tokens.verify("not a token")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }
}
