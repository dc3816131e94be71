package dev.voiceagent.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Limits and identity of this realtime-core instance. */
@ConfigMapping(prefix = "core")
public interface CoreConfig {

    /** Conversations this instance runs at once; more are refused with a clear reason. Env: CORE_MAX_SESSIONS. */
    @WithDefault("500")
    int maxSessions();

    /**
     * Address gateways use to reach this very instance (in Kubernetes, the pod's address behind a headless
     * Service). It goes into pre-warm session references. Env: CORE_ADVERTISED_URL.
     */
    @WithDefault("http://localhost:${quarkus.http.port}")
    URI advertisedUrl();

    /**
     * Secret shared with the gateways to sign pre-warm references (16+ characters). Without it, pre-warm is off.
     * Env: SESSION_REF_SECRET.
     */
    @io.smallrye.config.WithName("session-ref.secret")
    Optional<String> sessionRefSecret();

    /** How long a pre-warmed session waits for its media stream before it is released. */
    @WithDefault("15s")
    Duration prewarmTimeout();

    /** Largest audio record accepted from a gateway, in bytes of base64 text. */
    @WithDefault("65536")
    int maxAudioFrameBytes();

    /**
     * Caller audio held while no upstream session is ready (the first one opening, or a replacement), as audio
     * time whatever the codec. Beyond it audio is dropped, counted and reported to the gateway once.
     */
    @WithDefault("10s")
    Duration heldAudio();

    /**
     * Longest text from the model (a transcript, an error's message) passed to a gateway, in characters; longer
     * ones are cut (and counted), so every record fits the gateway's limits.
     */
    @WithDefault("4000")
    int maxTranscriptChars();

    /**
     * How long the agent's short line before a transfer to a person may take; the gateway is then asked to move
     * the caller, the line finished or not.
     */
    @WithDefault("10s")
    Duration humanHandoffLineTimeout();

    /** How a conversation outlives the loss of its upstream model session. */
    Reconnect reconnect();

    interface Reconnect {

        /** Attempts to open a new upstream session after one is lost, before the caller hears an apology. */
        @WithDefault("3")
        int attempts();

        /** Wait before the second attempt (the first is at once), doubled for each later one. */
        @WithDefault("250ms")
        Duration backoff();

        /**
         * Age at which an upstream session is replaced (at the next pause in the conversation), before the API's
         * own limit ends it without warning (60 minutes for OpenAI, 30 on Azure: set 25m there).
         */
        @WithDefault("55m")
        Duration maxSessionAge();

        /**
         * Caller audio already sent that a new session hears again: what was in flight when the connection broke,
         * and the words of a turn not yet transcribed. Cleared at each caller transcript, so nothing is heard twice.
         */
        @WithDefault("3s")
        Duration replayedAudio();

        /** Conversation items kept to re-create the conversation in a new session (oldest dropped first). */
        @WithDefault("200")
        int historyItems();
    }

    /** Where conversations are checkpointed at every turn, so they can resume, on any core with Redis. */
    Checkpoint checkpoint();

    interface Checkpoint {

        enum Store {
            /** This instance's memory: resumes only here (the local default). */
            MEMORY,
            /** Redis at {@code quarkus.redis.hosts}, shared by all cores. */
            REDIS
        }

        /** Env: CORE_CHECKPOINT_STORE. */
        @WithDefault("memory")
        Store store();

        /** How long a checkpoint (and a resume token) stays valid after the conversation's last turn. */
        @WithDefault("10m")
        Duration ttl();
    }
}
