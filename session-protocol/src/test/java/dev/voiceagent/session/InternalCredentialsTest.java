package dev.voiceagent.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.session.InternalCredentials.Verdict;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InternalCredentialsTest {

    private static final String SECRET = "internal-secret-of-enough-length";
    private static final String AUDIENCE = InternalCredentials.CORE_AUDIENCE;
    private final MutableClock clock = new MutableClock(1_000_000);
    private final InternalCredentials credentials = new InternalCredentials(List.of(SECRET), clock);

    @Test
    void acceptsWhatItMintedAsABearerHeader() {
        assertThat(credentials.verifyHeader("Bearer " + credentials.mint(AUDIENCE), AUDIENCE)).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void eachTokenIsDifferent() {
        assertThat(credentials.mint(AUDIENCE)).isNotEqualTo(credentials.mint(AUDIENCE));
    }

    @Test
    void refusesATokenOnceItsMinuteIsOver() {
        String token = credentials.mint(AUDIENCE);
        clock.millis += InternalCredentials.TOKEN_LIFETIME.toMillis() - 1;
        assertThat(credentials.verify(token, AUDIENCE)).isEqualTo(Verdict.ACCEPTED);
        clock.millis += 1;
        assertThat(credentials.verify(token, AUDIENCE)).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void refusesATokenForAnotherAudience() {
        assertThat(credentials.verify(credentials.mint("mcp-tools"), AUDIENCE)).isEqualTo(Verdict.WRONG_AUDIENCE);
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        String forged = new InternalCredentials(List.of("another-secret-of-enough-length"), clock).mint(AUDIENCE);
        assertThat(credentials.verify(forged, AUDIENCE)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void refusesMissingAndMalformedHeaders() {
        assertThat(credentials.verifyHeader(null, AUDIENCE)).isEqualTo(Verdict.MISSING);
        assertThat(credentials.verifyHeader("", AUDIENCE)).isEqualTo(Verdict.MISSING);
        assertThat(credentials.verifyHeader("Basic dXNlcjpwYXNz", AUDIENCE)).isEqualTo(Verdict.MALFORMED);
        assertThat(credentials.verifyHeader("Bearer not-a-token", AUDIENCE)).isEqualTo(Verdict.MALFORMED);
        assertThat(credentials.verifyHeader("Bearer " + SECRET, AUDIENCE)).as("the raw secret is no credential")
                .isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void aSessionReferenceSignedWithTheSameSecretIsNoCredential() {
        String reference = new SessionReference(SECRET, clock).sign(new SessionReference.Claims("s-1",
                URI.create("http://core:8081"), clock.millis, clock.millis + 10_000));
        assertThat(credentials.verify(reference, AUDIENCE)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void refusesLongLivedTokensASecretHolderMightForge() {
        String longLived = new SignedTokens(SECRET).sign(String.join("|", "internal", AUDIENCE,
                Long.toString(clock.millis), Long.toString(clock.millis + 3_600_000), "n"));
        assertThat(credentials.verify(longLived, AUDIENCE)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void acceptsTokensOfThePreviousSecretDuringARotation() {
        InternalCredentials oldGateway = new InternalCredentials(List.of(SECRET), clock);
        InternalCredentials rotatedCore = new InternalCredentials(List.of("the-new-secret-of-enough-length", SECRET),
                clock);
        assertThat(rotatedCore.verify(oldGateway.mint(AUDIENCE), AUDIENCE)).isEqualTo(Verdict.ACCEPTED);
        assertThat(credentials.verify(rotatedCore.mint(AUDIENCE), AUDIENCE)).as("new tokens need the new secret")
                .isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void aGatewayWithoutASecretPresentsNothing() {
        assertThat(InternalCredentials.forCore(Optional.empty()).get()).isNull();
        assertThat(InternalCredentials.forCore(Optional.of(" ")).get()).isNull();
        String token = InternalCredentials.forCore(Optional.of(SECRET)).get();
        assertThat(new InternalCredentials(List.of(SECRET), Clock.systemUTC()).verify(token, AUDIENCE))
                .isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void aVerifierWithAMemoryAcceptsEachTokenOnce() {
        InternalCredentials core = new InternalCredentials(List.of(SECRET), clock, new UsedOnce(100));
        String token = credentials.mint(AUDIENCE);
        assertThat(core.verifyHeader("Bearer " + token, AUDIENCE)).isEqualTo(Verdict.ACCEPTED);
        clock.millis += 30_000;
        assertThat(core.verifyHeader("Bearer " + token, AUDIENCE)).as("replayed within its minute")
                .isEqualTo(Verdict.REPLAYED);
        assertThat(core.verify(credentials.mint(AUDIENCE), AUDIENCE)).as("a fresh one").isEqualTo(Verdict.ACCEPTED);
        clock.millis += 30_000;
        assertThat(core.verify(token, AUDIENCE)).as("once expired, refused as such").isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void refusedTokensTakeNoRoomInTheMemory() {
        UsedOnce used = new UsedOnce(1);
        InternalCredentials core = new InternalCredentials(List.of(SECRET), clock, used);
        String forged = new InternalCredentials(List.of("another-secret-of-enough-length"), clock).mint(AUDIENCE);
        assertThat(core.verify(forged, AUDIENCE)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(core.verify(credentials.mint("mcp-tools"), AUDIENCE)).isEqualTo(Verdict.WRONG_AUDIENCE);
        assertThat(used.size()).isZero();
        assertThat(core.verify(credentials.mint(AUDIENCE), AUDIENCE)).isEqualTo(Verdict.ACCEPTED);
        assertThat(core.verify(credentials.mint(AUDIENCE), AUDIENCE)).as("memory of one, full")
                .isEqualTo(Verdict.REPLAY_MEMORY_FULL);
        clock.millis += InternalCredentials.TOKEN_LIFETIME.toMillis();
        assertThat(core.verify(credentials.mint(AUDIENCE), AUDIENCE)).as("the first expired")
                .isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void aTokenWithoutANonceIsMalformed() {
        String noNonce = new SignedTokens(SECRET).sign(String.join("|", "internal", AUDIENCE,
                Long.toString(clock.millis), Long.toString(clock.millis + 60_000), ""));
        assertThat(credentials.verify(noNonce, AUDIENCE)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void labelsNameTheReasonOnly() {
        assertThat(Verdict.BAD_SIGNATURE.label()).isEqualTo("bad_signature");
    }

    private static final class MutableClock extends Clock {
        long millis;

        MutableClock(long millis) {
            this.millis = millis;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
