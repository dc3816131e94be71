package dev.voiceagent.telephony.call;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What one media-stream connection may send. A real Twilio stream stays far below every limit. */
@ConfigMapping(prefix = "stream")
public interface StreamLimits {

    /** Largest Twilio message accepted, in characters; bigger ones close the stream with 1009. */
    @WithDefault("16384")
    int maxMessageChars();

    /** Messages per second a stream may send (Twilio sends about 50); excess is dropped and counted. */
    @WithDefault("200")
    int maxMessagesPerSecond();

    /** Seconds in a row over the rate after which the stream is closed with 1008. */
    @WithDefault("3")
    int floodSecondsBeforeClose();

    /** Caller audio held while the core connection opens, in base64 characters (about 8 s). */
    @WithDefault("86000")
    int pendingAudioChars();

    /** How long a call the core has ended stays open so the caller hears its last words (e.g. a goodbye). */
    @WithDefault("10s")
    Duration playoutWait();
}
