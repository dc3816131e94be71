package dev.voiceagent.session;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Signed, expiring reference to a pre-warmed session. The core that opened the session issues it; the gateway
 * carries it through Twilio as a stream parameter and, on whichever instance the media stream lands, uses it to
 * reach that same core. The HMAC stops a caller from steering a gateway to an address of their choosing.
 * <p>
 * Payload of the {@link SignedTokens} token: {@code sessionId|coreUrl|issuedAtMs|expiresAtMs}.
 */
public final class SessionReference {

    public record Claims(String sessionId, URI coreUrl, long issuedAtMs, long expiresAtMs) {
    }

    private final SignedTokens tokens;
    private final Clock clock;

    public SessionReference(String secret, Clock clock) {
        this.tokens = new SignedTokens(secret);
        this.clock = clock;
    }

    public String sign(Claims claims) {
        return tokens.sign(String.join("|", claims.sessionId(), claims.coreUrl().toString(),
                Long.toString(claims.issuedAtMs()), Long.toString(claims.expiresAtMs())));
    }

    /** The claims of a token that is well-formed, correctly signed and not expired; empty otherwise. */
    public Optional<Claims> verify(String token) {
        return tokens.verify(token).flatMap(this::unexpired);
    }

    private Optional<Claims> unexpired(String payload) {
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            Claims claims = new Claims(parts[0], URI.create(parts[1]), Long.parseLong(parts[2]),
                    Long.parseLong(parts[3]));
            return clock.millis() < claims.expiresAtMs() ? Optional.of(claims) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
