package dev.voiceagent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionReferenceTest {

    private static final String SECRET = "0123456789abcdef0123";
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(1_000_000), ZoneOffset.UTC);
    private final SessionReference references = new SessionReference(SECRET, clock);
    private final SessionReference.Claims claims =
            new SessionReference.Claims("s-1", URI.create("http://10.0.0.7:8081"), 999_000, 1_015_000);

    @Test
    void verifiesWhatItSigned() {
        assertThat(references.verify(references.sign(claims))).contains(claims);
    }

    @Test
    void refusesExpiredReferences() {
        var expired = new SessionReference.Claims("s-1", claims.coreUrl(), 900_000, 1_000_000);
        assertThat(references.verify(references.sign(expired))).isEmpty();
    }

    @Test
    void refusesReferencesSignedWithAnotherSecret() {
        String forged = new SessionReference("another-secret-of-enough-length", clock).sign(claims);
        assertThat(references.verify(forged)).isEmpty();
    }

    @Test
    void refusesTamperedPayloads() {
        String token = references.sign(claims);
        String otherPayload = references.sign(new SessionReference.Claims("s-1", URI.create("http://evil:1"),
                999_000, 1_015_000));
        String spliced = otherPayload.substring(0, otherPayload.indexOf('.')) + token.substring(token.indexOf('.'));
        assertThat(references.verify(spliced)).isEmpty();
    }

    @Test
    void refusesGarbage() {
        assertThat(references.verify(null)).isEmpty();
        assertThat(references.verify("")).isEmpty();
        assertThat(references.verify("no-dot")).isEmpty();
        assertThat(references.verify("%%%.###")).isEmpty();
    }

    @Test
    void refusesShortSecrets() {
        assertThatThrownBy(() -> new SessionReference("short", clock)).hasMessageContaining("16");
    }
}
