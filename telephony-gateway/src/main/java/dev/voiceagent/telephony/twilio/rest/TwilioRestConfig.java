package dev.voiceagent.telephony.twilio.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Twilio's REST API, which moves live calls (transfer) and places new ones. It authenticates with the account SID
 * and the auth token ({@code twilio.auth-token}, the one that signs Twilio's requests); without both it is off.
 */
@ConfigMapping(prefix = "twilio.rest")
public interface TwilioRestConfig {

    /** The account SID ({@code AC…}), the API's user name. Env: TWILIO_ACCOUNT_SID. */
    Optional<String> accountSid();

    /**
     * Where the calls API (2010-04-01) answers, in place of {@code https://api.twilio.com}: a test's fake, or a
     * local one for a demo. Env: TWILIO_API_BASE_URL.
     */
    @WithDefault("https://api.twilio.com")
    URI apiBaseUrl();

    /** Connecting, and waiting for an answer: a request slower than this fails (the SDK retries some failures). */
    @WithDefault("10s")
    Duration timeout();
}
