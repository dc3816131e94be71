package dev.voiceagent.telephony.call;

import dev.voiceagent.telephony.metrics.GatewayMetrics;
import dev.voiceagent.telephony.twilio.StreamTickets;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.LongSupplier;

/** The application-wide collaborators of every call; none holds per-call state. Tests build one with fakes. */
// @Singleton, not @ApplicationScoped: called for every audio frame, so no client proxy in between.
@Singleton
public class CallServices {

    private final CorePort core;
    private final GatewayMetrics metrics;
    private final StreamLimits limits;
    private final StreamTickets tickets;
    private final Timers timers;
    private final LongSupplier nanoClock;
    private final FallbackPort fallback;
    private final TransferPort transfers;

    @Inject
    public CallServices(CoreLinkPort core, GatewayMetrics metrics, StreamLimits limits, StreamTickets tickets,
            Vertx vertx, FallbackPort fallback, TransferPort transfers) {
        this(core, metrics, limits, tickets, (delayMs, action) -> {
            long id = vertx.setTimer(delayMs, t -> action.run());
            return () -> vertx.cancelTimer(id);
        }, System::nanoTime, fallback, transfers);
    }

    /** @param nanoClock monotonic time, the only clock a call reads (playback, rate limits, latency) */
    public CallServices(CorePort core, GatewayMetrics metrics, StreamLimits limits, StreamTickets tickets,
            Timers timers, LongSupplier nanoClock, FallbackPort fallback, TransferPort transfers) {
        this.core = core;
        this.metrics = metrics;
        this.limits = limits;
        this.tickets = tickets;
        this.timers = timers;
        this.nanoClock = nanoClock;
        this.fallback = fallback;
        this.transfers = transfers;
    }

    CorePort core() {
        return core;
    }

    GatewayMetrics metrics() {
        return metrics;
    }

    StreamLimits limits() {
        return limits;
    }

    StreamTickets tickets() {
        return tickets;
    }

    Timers timers() {
        return timers;
    }

    FallbackPort fallback() {
        return fallback;
    }

    TransferPort transfers() {
        return transfers;
    }

    long nanoTime() {
        return nanoClock.getAsLong();
    }
}
