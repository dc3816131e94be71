package dev.voiceagent.session;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Short-lived credentials a gateway presents to realtime-core ({@code Authorization: Bearer <token>}): a
 * {@link SignedTokens} token over {@code internal|audience|issuedAtMs|expiresAtMs|nonce}, signed with a secret the
 * gateways and cores share ({@code INTERNAL_AUTH_SECRET}). The gateway mints one per request and per socket, so a
 * token seen on the wire is useless a minute later, and the secret itself never travels. A verifier given a
 * {@link UsedOnce} memory (realtime-core) accepts each token once: a token captured and replayed within its minute is
 * refused as {@link Verdict#REPLAYED}.
 * <p>
 * Rotation: tokens are signed with the first secret and accepted under any of them, so a new secret can be rolled
 * out (first as the previous one everywhere, then as the current one) without refusing a gateway midway.
 */
public final class InternalCredentials {

    /** The audience of tokens for realtime-core's {@code /v1/prewarm} and {@code /v1/conversations}. */
    public static final String CORE_AUDIENCE = "realtime-core";
    /** Configuration key of the shared secret in every service (environment: {@code INTERNAL_AUTH_SECRET}). */
    public static final String SECRET_KEY = "internal-auth.secret";
    /** How long a minted token is accepted. */
    public static final Duration TOKEN_LIFETIME = Duration.ofSeconds(60);
    /** Clocks of two pods may disagree this much: a token issued a little "in the future" is still accepted. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private static final String KIND = "internal";
    private static final String BEARER = "bearer ";

    /** Why a credential was accepted or refused; the refusals are metric labels and never carry the token. */
    public enum Verdict {
        ACCEPTED, MISSING, MALFORMED, BAD_SIGNATURE, EXPIRED, WRONG_AUDIENCE, REPLAYED,
        /** Correct and new, but the verifier remembers as many unexpired tokens as it may: refused, not forgotten. */
        REPLAY_MEMORY_FULL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final List<SignedTokens> keys;
    private final Clock clock;
    private final UsedOnce used;

    /**
     * For minting; verifies without remembering, so a token is accepted as often as it is presented within its minute.
     *
     * @param secrets the current secret first, then any previous ones still accepted; 16+ characters each
     */
    public InternalCredentials(List<String> secrets, Clock clock) {
        this(secrets, clock, null);
    }

    /** For verifying: each token is accepted once, its nonce remembered in {@code used} until it expires. */
    public InternalCredentials(List<String> secrets, Clock clock, UsedOnce used) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed");
        }
        List<SignedTokens> signers = new ArrayList<>(secrets.size());
        secrets.forEach(secret -> signers.add(new SignedTokens(secret)));
        this.keys = List.copyOf(signers);
        this.clock = clock;
        this.used = used;
    }

    /**
     * What a gateway gives {@link CoreConnections} and its pre-warm client: a fresh token for the core on each call,
     * or null when no secret is configured (then the core refuses, unless it runs without authentication in dev).
     */
    public static Supplier<String> forCore(Optional<String> secret) {
        return secret.filter(s -> !s.isBlank())
                .map(s -> new InternalCredentials(List.of(s), Clock.systemUTC()))
                .<Supplier<String>>map(credentials -> () -> credentials.mint(CORE_AUDIENCE))
                .orElse(() -> null);
    }

    public String mint(String audience) {
        long now = clock.millis();
        return keys.getFirst().sign(String.join("|", KIND, audience, Long.toString(now),
                Long.toString(now + TOKEN_LIFETIME.toMillis()), UUID.randomUUID().toString()));
    }

    /** Checks the value of an {@code Authorization} header (null when absent). */
    public Verdict verifyHeader(String authorization, String audience) {
        if (authorization == null || authorization.isBlank()) {
            return Verdict.MISSING;
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Verdict.MALFORMED;
        }
        return verify(authorization.substring(BEARER.length()).trim(), audience);
    }

    public Verdict verify(String token, String audience) {
        if (token == null || token.isEmpty()) {
            return Verdict.MISSING;
        }
        if (token.indexOf('.') < 0) {
            return Verdict.MALFORMED;
        }
        Optional<String> payload = Optional.empty();
        for (int i = 0; i < keys.size() && payload.isEmpty(); i++) {
            payload = keys.get(i).verify(token);
        }
        return payload.map(p -> claims(p, audience)).orElse(Verdict.BAD_SIGNATURE);
    }

    private Verdict claims(String payload, String audience) {
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 5 || !KIND.equals(parts[0])) {
            return Verdict.MALFORMED;
        }
        try {
            long issuedAt = Long.parseLong(parts[2]);
            long expiresAt = Long.parseLong(parts[3]);
            long now = clock.millis();
            if (expiresAt - issuedAt > TOKEN_LIFETIME.toMillis() || issuedAt > now + CLOCK_SKEW.toMillis()) {
                return Verdict.MALFORMED; // signed by a secret holder, but not as our gateways mint
            }
            if (now >= expiresAt) {
                return Verdict.EXPIRED;
            }
            if (!audience.equals(parts[1])) {
                return Verdict.WRONG_AUDIENCE;
            }
            return parts[4].isEmpty() ? Verdict.MALFORMED : firstUse(parts[4], expiresAt, now);
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
    }

    /** Only a token valid in every other respect gets here: a refused one takes no room in the memory. */
    private Verdict firstUse(String nonce, long expiresAt, long now) {
        if (used == null) {
            return Verdict.ACCEPTED;
        }
        return switch (used.use(nonce, expiresAt, now)) {
            case FIRST -> Verdict.ACCEPTED;
            case REPLAYED -> Verdict.REPLAYED;
            case FULL -> Verdict.REPLAY_MEMORY_FULL;
        };
    }
}
