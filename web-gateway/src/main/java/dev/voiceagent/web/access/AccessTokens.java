package dev.voiceagent.web.access;

import dev.voiceagent.session.SignedTokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Short-lived tokens that admit a browser to the voice channel. A site's backend obtains one for a visitor it
 * trusts and hands it to the widget, which sends it in the Socket.IO CONNECT auth payload. Payload:
 * {@code voice-web|nonce|expiresAtMs}.
 */
public final class AccessTokens {

    public record Issued(String token, long expiresAtMs) {
    }

    private static final String AUDIENCE = "voice-web";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignedTokens tokens;
    private final Clock clock;
    private final Duration ttl;

    public AccessTokens(String secret, Duration ttl, Clock clock) {
        this.tokens = new SignedTokens(secret);
        this.ttl = ttl;
        this.clock = clock;
    }

    public Issued issue() {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        long expiresAt = clock.millis() + ttl.toMillis();
        return new Issued(tokens.sign(AUDIENCE + "|" + HexFormat.of().formatHex(nonce) + "|" + expiresAt), expiresAt);
    }

    public boolean isValid(String token) {
        return tokens.verify(token).map(this::unexpired).orElse(false);
    }

    private boolean unexpired(String payload) {
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 3 || !AUDIENCE.equals(parts[0])) {
            return false;
        }
        try {
            return clock.millis() < Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
