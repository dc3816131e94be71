package dev.voiceagent.web.handoff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@value #HEADER} header of a delivery, as Stripe and Svix sign theirs: {@code t=<unix seconds>,v1=<hex>},
 * where the hex is HMAC-SHA256, keyed with the shared secret, of the timestamp, a dot and the raw body. The receiver
 * recomputes it, compares in constant time and refuses an old timestamp (a replay).
 */
final class WebhookSignature {

    static final String HEADER = "Voice-Signature";

    private final SecretKeySpec key;

    WebhookSignature(String secret) {
        if (secret.length() < 16) {
            throw new IllegalArgumentException("web.handoff.webhook-secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String header(long epochSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
