package dev.voiceagent.web.access;

import dev.voiceagent.web.config.WebConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Verifies the access tokens that admit a browser to the voice channel: standard JWTs, signed HS256 with a key
 * shared with the site's backend or RS256 with the site's private key, with {@code exp} and {@code aud} required
 * and {@code iss} checked when configured. A site's backend mints them with any JWT library and hands them to the
 * widget, which sends one in the Socket.IO CONNECT auth payload. Verified by SmallRye JWT's parser.
 */
public final class AccessTokens {

    /** Why a token does not admit; the reason is what the client reads in CONNECT_ERROR. */
    public enum Rejection {
        EXPIRED("access token expired"),
        WRONG_AUDIENCE("access token is not for this service"),
        INVALID("access token invalid");

        private final String reason;

        Rejection(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private static final int MIN_SECRET_BYTES = 32;

    private final DefaultJWTParser parser;

    AccessTokens(JWTAuthContextInfo context) {
        this.parser = new DefaultJWTParser(context);
    }

    /** The verifier the configuration describes; empty when it names no key. */
    public static Optional<AccessTokens> from(WebConfig.Access config) {
        if (config.secret().isPresent() && config.publicKey().isPresent()) {
            throw new IllegalStateException("set either web.access.secret (HS256) or web.access.public-key (RS256), "
                    + "not both");
        }
        JWTAuthContextInfo context;
        if (config.secret().isPresent()) {
            byte[] secret = config.secret().get().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_SECRET_BYTES) {
                throw new IllegalStateException("web.access.secret (WEB_ACCESS_SECRET) must be at least "
                        + MIN_SECRET_BYTES + " bytes for HS256");
            }
            context = new JWTAuthContextInfo(new SecretKeySpec(secret, "HmacSHA256"), null);
            context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
        } else if (config.publicKey().isPresent()) {
            try {
                context = new JWTAuthContextInfo(KeyUtils.decodePublicKey(config.publicKey().get()), null);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("web.access.public-key (WEB_ACCESS_PUBLIC_KEY) is not a PEM RSA "
                        + "public key");
            }
            context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        } else {
            return Optional.empty();
        }
        context.setIssuedBy(config.issuer().orElse(null));
        context.setExpectedAudience(Set.of(config.audience()));
        context.setExpGracePeriodSecs(config.clockSkewSeconds());
        context.setRequiredClaims(Set.of("exp", "aud"));
        // A token names a visitor only if the site wants it to: no subject is required.
        context.setRequireNamedPrincipal(false);
        return Optional.of(new AccessTokens(context));
    }

    /** Empty when the token admits; otherwise why not. */
    public Optional<Rejection> check(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.of(Rejection.INVALID);
        }
        try {
            parser.parse(token);
            return Optional.empty();
        } catch (ParseException e) {
            return Optional.of(rejection(e));
        }
    }

    private static Rejection rejection(ParseException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return Rejection.EXPIRED;
                }
                if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return Rejection.WRONG_AUDIENCE;
                }
            }
        }
        return Rejection.INVALID;
    }
}
