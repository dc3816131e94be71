package dev.voiceagent.telephony.core;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How this gateway reaches realtime-core, and what a caller hears when it cannot. */
@ConfigMapping(prefix = "core")
public interface CoreLinkConfig {

    /**
     * Base URL of realtime-core (in Kubernetes, its Service). Env: CORE_URL. Conversations whose core is lost are
     * resumed here, whichever core instance they began on.
     */
    @WithDefault("http://localhost:8081")
    URI url();

    /** How long the webhook waits for the core to pre-warm a session before answering Twilio without one. */
    @WithDefault("1s")
    Duration prewarmTimeout();

    /**
     * Secret shared with the cores to verify pre-warm references (16+ characters). Without it the gateway does
     * not pre-warm. Env: SESSION_REF_SECRET.
     */
    @WithName("session-ref.secret")
    Optional<String> sessionRefSecret();

    /**
     * How long a call whose core connection was lost may take to be resumed on another core before it ends.
     * Env: CORE_RESUME_WINDOW. {@code 0s} ends such calls at once.
     */
    @WithDefault("5s")
    Duration resumeWindow();

    /** How often the core's readiness is probed to know whether calls can be taken. */
    @WithDefault("2s")
    Duration probeInterval();

    /** What a call the AI cannot answer (no core reachable, or the model refuses a session) is answered with. */
    Unavailable unavailable();

    interface Unavailable {
        /** Said to the caller before hanging up, when there is no fallback number. */
        @WithDefault("We are sorry, our assistant cannot take your call right now. Please call again in a few minutes.")
        String message();

        /** Said to the caller before the call is dialled to the fallback number. */
        @WithDefault("We are sorry, our assistant cannot take your call right now. We are connecting you to a colleague.")
        String dialMessage();

        /**
         * Twilio voice the message is said in ({@code <Say voice>}, e.g. {@code Polly.Joanna-Neural} or
         * {@code alice}); Twilio's default voice when unset. Env: CORE_FALLBACK_VOICE.
         */
        Optional<String> voice();

        /** E.164 number the call is dialled to instead (a human desk, another region); none by default. Env: CORE_FALLBACK_NUMBER. */
        Optional<String> fallbackNumber();
    }
}
