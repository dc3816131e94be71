package dev.voiceagent.web.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voiceagent.web.config.WebConfig;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private static final String SECRET = "a-shared-hs256-key-of-32-bytes-or-more";

    @Test
    void aTokenMintedByAnotherJwtLibraryAdmitsUntilItExpires() throws Exception {
        AccessTokens tokens = AccessTokens.from(access(SECRET, null, null)).orElseThrow();
        assertThat(tokens.check(MintedTokens.hs256(SECRET, "voice-web", 600, null))).isEmpty();
        assertThat(tokens.check(MintedTokens.hs256(SECRET, "voice-web", -120, null)))
                .contains(AccessTokens.Rejection.EXPIRED);
    }

    @Test
    void wrongAudienceForgedOrMalformedTokensDoNotAdmit() throws Exception {
        AccessTokens tokens = AccessTokens.from(access(SECRET, null, null)).orElseThrow();
        assertThat(tokens.check(MintedTokens.hs256(SECRET, "another-service", 600, null)))
                .contains(AccessTokens.Rejection.WRONG_AUDIENCE);
        assertThat(tokens.check(MintedTokens.hs256("another-key-of-32-bytes-or-more-xxxx", "voice-web", 600, null)))
                .contains(AccessTokens.Rejection.INVALID);
        assertThat(tokens.check(MintedTokens.withoutExpiry(SECRET, "voice-web"))).contains(AccessTokens.Rejection.INVALID);
        assertThat(tokens.check(MintedTokens.unsigned("voice-web"))).contains(AccessTokens.Rejection.INVALID);
        assertThat(tokens.check("not a token")).contains(AccessTokens.Rejection.INVALID);
        assertThat(tokens.check(null)).contains(AccessTokens.Rejection.INVALID);
    }

    @Test
    void anIssuerIsCheckedOnlyWhenConfigured() throws Exception {
        AccessTokens anyIssuer = AccessTokens.from(access(SECRET, null, null)).orElseThrow();
        AccessTokens shop = AccessTokens.from(access(SECRET, null, "https://shop.example.com")).orElseThrow();
        String fromShop = MintedTokens.hs256(SECRET, "voice-web", 600, "https://shop.example.com");
        String fromElsewhere = MintedTokens.hs256(SECRET, "voice-web", 600, "https://elsewhere.example");
        assertThat(anyIssuer.check(fromElsewhere)).isEmpty();
        assertThat(shop.check(fromShop)).isEmpty();
        assertThat(shop.check(fromElsewhere)).contains(AccessTokens.Rejection.INVALID);
    }

    @Test
    void rs256TokensAreVerifiedWithTheSitesPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair site = generator.generateKeyPair();
        KeyPair stranger = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(site.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
        AccessTokens tokens = AccessTokens.from(access(null, pem, null)).orElseThrow();
        assertThat(tokens.check(MintedTokens.rs256(site.getPrivate(), "voice-web", 600))).isEmpty();
        assertThat(tokens.check(MintedTokens.rs256(stranger.getPrivate(), "voice-web", 600)))
                .contains(AccessTokens.Rejection.INVALID);
        assertThat(tokens.check(MintedTokens.hs256(SECRET, "voice-web", 600, null)))
                .as("an HS256 token where RS256 is expected").contains(AccessTokens.Rejection.INVALID);
    }

    @Test
    void keysAreCheckedAtStart() {
        assertThat(AccessTokens.from(access(null, null, null))).isEmpty();
        assertThatThrownBy(() -> AccessTokens.from(access("short", null, null))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> AccessTokens.from(access(SECRET, "pem", null))).hasMessageContaining("not both");
    }

    @Test
    void withoutAnAllowlistOnlyTheGatewaysOwnOriginIsAdmitted() {
        OriginPolicy sameOrigin = new OriginPolicy(List.of(), false);
        assertThat(sameOrigin.admits("https://voice.example.com", "voice.example.com")).isTrue();
        assertThat(sameOrigin.admits("http://localhost:8082", "localhost:8082")).isTrue();
        assertThat(sameOrigin.admits("http://localhost:3000", "localhost:8082")).isFalse();
        assertThat(sameOrigin.admits("https://evil.example", "voice.example.com")).isFalse();
        assertThat(sameOrigin.admits(null, "voice.example.com")).as("not a browser").isTrue();
    }

    @Test
    void anAllowlistAdmitsExactlyItsOrigins() {
        OriginPolicy listed = new OriginPolicy(List.of("https://shop.example.com/"), false);
        assertThat(listed.admits("https://SHOP.example.com", "voice.example.com")).isTrue();
        assertThat(listed.admits("https://shop.example.com.evil.example", "voice.example.com")).isFalse();
        assertThat(listed.admits("http://shop.example.com", "voice.example.com")).isFalse();
        assertThat(new OriginPolicy(List.of("*"), false).admits("https://anything.example", "x")).isTrue();
    }

    @Test
    void localPagesOnAnyPortOnlyWhenAllowed() {
        OriginPolicy local = new OriginPolicy(List.of("https://shop.example.com"), true);
        assertThat(local.admits("http://localhost:3000", "localhost:8082")).isTrue();
        assertThat(local.admits("http://127.0.0.1:5173", "localhost:8082")).isTrue();
        assertThat(local.admits("https://shop.example.com", "localhost:8082")).isTrue();
        assertThat(local.admits("http://localhost.evil.example:3000", "localhost:8082")).isFalse();
        assertThat(local.admits("http://evil.example", "localhost:8082")).isFalse();
        assertThat(new OriginPolicy(List.of("https://shop.example.com"), false)
                .admits("http://localhost:3000", "voice.example.com")).isFalse();
    }

    @Test
    void theClientAddressIsTheLastForwardedHopOnlyBehindATrustedProxy() {
        assertThat(ClientAddress.of("10.0.0.5", "6.6.6.6, 203.0.113.9", true)).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.of("10.0.0.5", "6.6.6.6", false)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.of("10.0.0.5", null, true)).isEqualTo("10.0.0.5");
    }

    private static WebConfig.Access access(String secret, String publicKey, String issuer) {
        return new WebConfig.Access() {
            @Override
            public boolean required() {
                return true;
            }

            @Override
            public Optional<String> secret() {
                return Optional.ofNullable(secret);
            }

            @Override
            public Optional<String> publicKey() {
                return Optional.ofNullable(publicKey);
            }

            @Override
            public String audience() {
                return "voice-web";
            }

            @Override
            public Optional<String> issuer() {
                return Optional.ofNullable(issuer);
            }

            @Override
            public int clockSkewSeconds() {
                return 30;
            }
        };
    }
}
