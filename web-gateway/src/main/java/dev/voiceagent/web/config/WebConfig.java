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

    /**
     * Also allow pages served from this machine, {@code http://localhost:<any port>} and
     * {@code http://127.0.0.1:<any port>} (WEB_ALLOW_LOCAL_ORIGINS): the local start and dev mode turn it on so the
     * original widget, served by its own dev server, can connect. Never in production.
     */
    @WithDefault("false")
    boolean allowLocalOrigins();

    /**
     * Take the client's address for the per-address limits from the last {@code X-Forwarded-For} entry, the one the
     * ingress controller added (WEB_TRUST_FORWARDED_FOR). Only behind a proxy that sets it: otherwise clients could
     * choose their own address.
     */
    @WithDefault("false")
    boolean trustForwardedFor();

    /** Engine.IO heartbeat: the server pings this often... */
    @WithDefault("25s")
    Duration pingInterval();

    /** ...and closes a connection whose pong does not come back within this time. */
    @WithDefault("20s")
    Duration pingTimeout();

    Access access();

    Limits limits();

    Core core();

    /** Access tokens: standard JWTs a site's backend mints for the visitors it lets talk to the agent. */
    interface Access {
        /** When true, the Socket.IO CONNECT must carry {@code {"token": "<JWT>"}} (WEB_ACCESS_REQUIRED). */
        @WithDefault("false")
        boolean required();

        /** HS256 key shared with the site's backend, at least 32 bytes (WEB_ACCESS_SECRET). */
        Optional<String> secret();

        /** Or: the PEM public key of the site's RS256 signing key (WEB_ACCESS_PUBLIC_KEY). */
        Optional<String> publicKey();

        /** The {@code aud} a token must name (WEB_ACCESS_AUDIENCE). */
        @WithDefault("voice-web")
        String audience();

        /** The {@code iss} a token must name, when set (WEB_ACCESS_ISSUER); unset, any issuer. */
        Optional<String> issuer();

        /** Clock difference tolerated on {@code exp}, in seconds. */
        @WithDefault("30")
        int clockSkewSeconds();
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

        /**
         * Packets other than audio a connection may send per second; beyond it they are dropped, beyond twice it is
         * closed (1008). Audio is limited by its duration instead ({@link #audioBurst()}).
         */
        @WithDefault("200")
        int maxPacketsPerSecond();

        /**
         * Audio that may arrive at once: a backlog after a network stall passes whole up to this much. Together with
         * {@link #audioRealtimeFactor()} a token bucket in milliseconds of audio; beyond it the connection is
         * closed (1008).
         */
        @WithDefault("10s")
        Duration audioBurst();

        /**
         * Sustained audio per wall-clock time still admitted. Eight, because the original widget sends a 512-sample
         * window per animation frame: 5.1 times real time on a 240 Hz display, 7.7 on a 360 Hz one.
         */
        @WithDefault("8")
        double audioRealtimeFactor();

        /** Caller audio buffered while the core conversation opens, in bytes of 24 kHz PCM16 (5 s). */
        @WithDefault("240000")
        int pendingAudioBytes();

        /**
         * Assistant audio written to a page's websocket but not yet taken by its network, at most; a page that
         * stops reading beyond this is dropped from the call (close 1008) and its conversation ends.
         */
        @WithDefault("10s")
        Duration outboundAudio();

        /** Engine.IO connections one client address may hold at once; more are refused (HTTP 429). */
        @WithDefault("50")
        int connectionsPerAddress();

        /** Conversations one client address may run at once; more are answered SESSION_START_ERROR. */
        @WithDefault("10")
        int sessionsPerAddress();

        /** Conversations this gateway runs at once, over all clients; more are answered SESSION_START_ERROR. */
        @WithDefault("300")
        int maxSessions();

        /** A connection that has not sent its Socket.IO CONNECT this long after opening is closed. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** A connected socket that has not sent SESSION_START this long after connecting is closed. */
        @WithDefault("30s")
        Duration sessionStartTimeout();
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
