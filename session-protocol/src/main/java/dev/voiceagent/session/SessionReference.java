package dev.voiceagent.session;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring reference to a pre-warmed session. The core that opened the session issues it; the gateway
 * carries it through Twilio as a stream parameter and, on whichever instance the media stream lands, uses it to
 * reach that same core. The HMAC stops a caller from steering a gateway to an address of their choosing.
 * <p>
 * Token: {@code base64url(sessionId|coreUrl|issuedAtMs|expiresAtMs) "." base64url(HMAC-SHA256)}.
 */
public final class SessionReference {

    public record Claims(String sessionId, URI coreUrl, long issuedAtMs, long expiresAtMs) {
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    public SessionReference(String secret, Clock clock) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("session reference secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    public String sign(Claims claims) {
        String payload = String.join("|", claims.sessionId(), claims.coreUrl().toString(),
                Long.toString(claims.issuedAtMs()), Long.toString(claims.expiresAtMs()));
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(mac(payloadBytes));
    }

    /** The claims of a token that is well-formed, correctly signed and not expired; empty otherwise. */
    public Optional<Claims> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4) {
                return Optional.empty();
            }
            Claims claims = new Claims(parts[0], URI.create(parts[1]), Long.parseLong(parts[2]),
                    Long.parseLong(parts[3]));
            return clock.millis() < claims.expiresAtMs() ? Optional.of(claims) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
