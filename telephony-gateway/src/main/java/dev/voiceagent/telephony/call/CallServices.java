package dev.voiceagent.telephony.call;

import dev.voiceagent.telephony.core.CoreLink;
import dev.voiceagent.telephony.metrics.GatewayMetrics;
import jakarta.inject.Singleton;

/** The application-wide collaborators of every call; none holds per-call state. */
// @Singleton, not @ApplicationScoped: called for every audio frame, so no client proxy in between.
@Singleton
public class CallServices {

    private final CoreLink core;
    private final GatewayMetrics metrics;
    private final StreamLimits limits;

    public CallServices(CoreLink core, GatewayMetrics metrics, StreamLimits limits) {
        this.core = core;
        this.metrics = metrics;
        this.limits = limits;
    }

    CoreLink core() {
        return core;
    }

    GatewayMetrics metrics() {
        return metrics;
    }

    StreamLimits limits() {
        return limits;
    }

    /** Monotonic time for playback tracking and rate limits. */
    long nanoTime() {
        return System.nanoTime();
    }
}
