package dev.voiceagent.core.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Who may use {@code /v1/prewarm} and {@code /v1/conversations}: gateways presenting a token signed with the shared
 * secret ({@code InternalCredentials}). Without a secret the service refuses to start in production; in dev and
 * test mode (bound to localhost) it then runs without checks and says so.
 */
@ConfigMapping(prefix = "internal-auth")
public interface AccessConfig {

    /** Secret shared with the gateways, 16+ characters, from a Kubernetes Secret. Env: INTERNAL_AUTH_SECRET. */
    Optional<String> secret();

    /**
     * The secret being rotated out: tokens signed with it are still accepted, so gateways and cores can be rolled
     * one by one. Env: INTERNAL_AUTH_PREVIOUS_SECRET.
     */
    Optional<String> previousSecret();

    /**
     * How many accepted tokens are remembered, each until it expires (at most 90 s: its minute plus the clock skew
     * allowed), so that none is accepted twice. Gateways mint one per pre-warm and per core socket, far fewer than
     * this in 90 s; once it is reached new tokens are refused ({@code replay_memory_full}) rather than old ones
     * forgotten. About 150 bytes each: 15 MB when full.
     */
    @WithDefault("100000")
    int rememberedTokens();
}
