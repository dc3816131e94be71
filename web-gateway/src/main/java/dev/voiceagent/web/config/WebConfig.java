package dev.voiceagent.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of the web voice channel. */
@ConfigMapping(prefix = "web")
public interface WebConfig {

    /**
     * Browser origins allowed to connect (CORS for long-polling, the Origin header for both transports), such as
     * {@code https://shop.example.com}. Empty allows only the gateway's own origin; {@code *} allows any.
     * Clients that send no Origin (servers, native apps) are not browsers and are let through.
     */
    Optional<List<String>> allowedOrigins();

    /** Engine.IO heartbeat: the server pings this often... */
    @WithDefault("25s")
    Duration pingInterval();

    /** ...and closes a connection whose pong does not come back within this time. */
    @WithDefault("20s")
    Duration pingTimeout();

    Access access();

    Limits limits();

    Core core();

    interface Access {
        /** When true, the Socket.IO CONNECT must carry {@code {"token": ...}} issued by {@code POST /v1/access-tokens}. */
        @WithDefault("false")
        boolean required();

        /** HMAC key that signs access tokens (WEB_ACCESS_SECRET); required when {@code required} is true. */
        Optional<String> secret();

        /** Bearer key a site's backend presents to obtain tokens (WEB_TOKEN_ISSUER_KEY). */
        Optional<String> issuerKey();

        /** How long an issued token admits a connection. */
        @WithDefault("10m")
        Duration tokenTtl();
    }

    interface Limits {
        /**
         * Largest Engine.IO packet accepted, in bytes (a second of 48 kHz audio is 96000). A long-polling request
         * body may be twice this, as it carries attachments in base64 and several packets.
         */
        @WithDefault("131072")
        int maxPacketBytes();

        /** Binary attachments one Socket.IO packet may announce (the widget needs one). */
        @WithDefault("4")
        int maxAttachments();

        /** Conversations one connection may start over its life; only one runs at a time. */
        @WithDefault("20")
        int maxSessionsPerConnection();

        /** Packets per second a connection may send; beyond it they are dropped, beyond twice it is closed. */
        @WithDefault("200")
        int maxPacketsPerSecond();

        /** Caller audio buffered while the core conversation opens, in bytes of 24 kHz PCM16 (5 s). */
        @WithDefault("240000")
        int pendingAudioBytes();
    }

    interface Core {
        /** Base URL of realtime-core (CORE_URL). */
        @WithDefault("http://localhost:8081")
        URI url();

        /** How long a SESSION_START may wait for the core's upstream session to be ready. */
        @WithDefault("15s")
        Duration startTimeout();
    }
}
