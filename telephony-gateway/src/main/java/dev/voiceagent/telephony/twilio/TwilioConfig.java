package dev.voiceagent.telephony.twilio;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How Twilio reaches this gateway, and how its requests are authenticated. */
@ConfigMapping(prefix = "twilio")
public interface TwilioConfig {

    /**
     * Public {@code wss://} URL of {@code /media-stream} that TwiML hands to Twilio (Twilio accepts only wss).
     * Env: TWILIO_WEBHOOK_URL, the name the original project used.
     */
    @WithDefault("wss://localhost:8080/media-stream")
    URI mediaStreamUrl();

    /**
     * Public base URL Twilio uses for the webhook, e.g. {@code https://voice.example.com}. Signatures are computed
     * over the URL Twilio requested, which a TLS proxy hides from us. Default: the media-stream URL's host with
     * {@code https}. Env: TWILIO_PUBLIC_URL.
     */
    Optional<URI> publicUrl();

    /** Account auth token; when set, every webhook and stream upgrade must carry a valid X-Twilio-Signature. */
    Optional<String> authToken();

    /**
     * How long the stream ticket the webhook issues stays valid ({@link StreamTickets}); Twilio opens the stream
     * within a second or two of the webhook's answer.
     */
    @WithDefault("30s")
    Duration streamTicketTtl();

    /** The URL Twilio requested and signed, for a request this server sees at {@code requestUri} (path and query). */
    default String publicUrlOf(String requestUri) {
        return publicBaseUrl().toString().replaceAll("/$", "") + requestUri;
    }

    /** The public base URL, explicit or derived from the media-stream URL. */
    default URI publicBaseUrl() {
        return publicUrl().orElseGet(() -> {
            URI stream = mediaStreamUrl();
            String scheme = "ws".equals(stream.getScheme()) ? "http" : "https";
            return URI.create(scheme + "://" + stream.getRawAuthority());
        });
    }
}
