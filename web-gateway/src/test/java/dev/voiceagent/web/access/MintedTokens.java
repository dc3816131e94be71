package dev.voiceagent.web.access;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Access tokens as a site's backend mints them, with jose4j: the test does not use the gateway's code to make the
 * tokens it checks.
 */
public final class MintedTokens {

    private MintedTokens() {
    }

    /** HS256 with the shared key; {@code expiresInSeconds} may be negative (already expired). */
    public static String hs256(String secret, String audience, long expiresInSeconds, String issuer)
            throws JoseException {
        JwtClaims claims = claims(audience);
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + expiresInSeconds));
        if (issuer != null) {
            claims.setIssuer(issuer);
        }
        return sign(claims, AlgorithmIdentifiers.HMAC_SHA256,
                new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    public static String rs256(PrivateKey key, String audience, long expiresInSeconds) throws JoseException {
        JwtClaims claims = claims(audience);
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + expiresInSeconds));
        return sign(claims, AlgorithmIdentifiers.RSA_USING_SHA256, key);
    }

    public static String withoutExpiry(String secret, String audience) throws JoseException {
        return sign(claims(audience), AlgorithmIdentifiers.HMAC_SHA256,
                new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    /** {@code alg: none}, which no verifier may accept. */
    public static String unsigned(String audience) throws JoseException {
        JwtClaims claims = claims(audience);
        claims.setExpirationTimeMinutesInTheFuture(10);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        return jws.getCompactSerialization();
    }

    private static JwtClaims claims(String audience) {
        JwtClaims claims = new JwtClaims();
        claims.setAudience(audience);
        claims.setIssuedAtToNow();
        claims.setSubject("visitor-42");
        return claims;
    }

    private static String sign(JwtClaims claims, String algorithm, java.security.Key key) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(key);
        return jws.getCompactSerialization();
    }
}
