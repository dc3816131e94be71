package dev.voiceagent.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private static final String SECRET = "a-secret-of-at-least-16-chars";

    @Test
    void anIssuedTokenAdmitsUntilItExpires() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        AccessTokens issuer = new AccessTokens(SECRET, Duration.ofMinutes(10), Clock.fixed(now, ZoneOffset.UTC));
        String token = issuer.issue().token();
        assertThat(issuer.isValid(token)).isTrue();
        AccessTokens later = new AccessTokens(SECRET, Duration.ofMinutes(10),
                Clock.fixed(now.plus(Duration.ofMinutes(11)), ZoneOffset.UTC));
        assertThat(later.isValid(token)).isFalse();
    }

    @Test
    void forgedOrForeignTokensDoNotAdmit() {
        AccessTokens issuer = new AccessTokens(SECRET, Duration.ofMinutes(10), Clock.systemUTC());
        String token = issuer.issue().token();
        assertThat(new AccessTokens("another-secret-of-16-chars", Duration.ofMinutes(10), Clock.systemUTC())
                .isValid(token)).isFalse();
        assertThat(issuer.isValid(token.substring(0, token.length() - 2) + "xx")).isFalse();
        assertThat(issuer.isValid("not a token")).isFalse();
        assertThat(issuer.isValid(null)).isFalse();
    }

    @Test
    void withoutAnAllowlistOnlyTheGatewaysOwnOriginIsAdmitted() {
        OriginPolicy sameOrigin = new OriginPolicy(List.of());
        assertThat(sameOrigin.admits("https://voice.example.com", "voice.example.com")).isTrue();
        assertThat(sameOrigin.admits("http://localhost:8082", "localhost:8082")).isTrue();
        assertThat(sameOrigin.admits("https://evil.example", "voice.example.com")).isFalse();
        assertThat(sameOrigin.admits(null, "voice.example.com")).as("not a browser").isTrue();
    }

    @Test
    void anAllowlistAdmitsExactlyItsOrigins() {
        OriginPolicy listed = new OriginPolicy(List.of("https://shop.example.com/"));
        assertThat(listed.admits("https://SHOP.example.com", "voice.example.com")).isTrue();
        assertThat(listed.admits("https://shop.example.com.evil.example", "voice.example.com")).isFalse();
        assertThat(listed.admits("http://shop.example.com", "voice.example.com")).isFalse();
        assertThat(new OriginPolicy(List.of("*")).admits("https://anything.example", "x")).isTrue();
    }
}
