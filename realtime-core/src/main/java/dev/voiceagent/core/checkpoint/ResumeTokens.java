package dev.voiceagent.core.checkpoint;

import dev.voiceagent.session.SignedTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The credential a gateway presents to resume a conversation on any core: the conversation id and an expiry,
 * signed with the secret the cores share ({@code core.session-ref.secret}), so every core can check it.
 */
public final class ResumeTokens {

    private final SignedTokens tokens;
    private final Clock clock;
    private final Duration validity;

    public ResumeTokens(String secret, Clock clock, Duration validity) {
        this.tokens = new SignedTokens(secret);
        this.clock = clock;
        this.validity = validity;
    }

    public String issue(String conversationId) {
        return tokens.sign("resume|" + conversationId + "|" + (clock.millis() + validity.toMillis()));
    }

    /** The conversation id of a genuine, unexpired token. */
    public Optional<String> verify(String token) {
        return tokens.verify(token).flatMap(payload -> {
            String[] parts = payload.split("\\|");
            if (parts.length != 3 || !parts[0].equals("resume")) {
                return Optional.empty();
            }
            try {
                return Long.parseLong(parts[2]) > clock.millis() ? Optional.of(parts[1]) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
