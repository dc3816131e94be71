package dev.voiceagent.session;

import java.time.Duration;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * How every service that carries calls stops on SIGTERM, after it has stopped taking new ones: the active calls
 * run to their end for the grace period, then the rest are told goodbye (see {@link SessionMessage.End#DRAIN})
 * and given a bounded time to finish. Blocks the calling thread: run it on the shutdown thread, never on an event
 * loop.
 */
public final class Drain {

    private static final Logger LOG = Logger.getLogger(Drain.class);
    private static final long POLL_MILLIS = 100;

    private Drain() {
    }

    /**
     * @param active how many calls are still on
     * @param farewell asks every remaining call to say goodbye and end
     * @return whether every call had ended when it returned
     */
    public static boolean run(String what, IntSupplier active, Duration gracePeriod, Runnable farewell,
            Duration goodbyeTimeout) {
        if (active.getAsInt() == 0) {
            return true;
        }
        LOG.infof("draining: %d %s may run on for up to %s", active.getAsInt(), what, gracePeriod);
        if (waitForNone(active, gracePeriod)) {
            LOG.infof("drained: every one of the %s ended on its own", what);
            return true;
        }
        LOG.infof("grace period over: saying goodbye on %d %s", active.getAsInt(), what);
        farewell.run();
        boolean drained = waitForNone(active, goodbyeTimeout);
        if (!drained) {
            LOG.warnf("%d %s were still on after the goodbye; they are cut", active.getAsInt(), what);
        }
        return drained;
    }

    private static boolean waitForNone(IntSupplier active, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (active.getAsInt() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS); // polled: the count is a gauge with no change signal, and this thread idles
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
