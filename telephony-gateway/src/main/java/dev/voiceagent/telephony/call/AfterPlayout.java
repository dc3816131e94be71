package dev.voiceagent.telephony.call;

/**
 * What a call does once the caller has heard all the agent said: Twilio drops the audio it has not played when the
 * stream closes or the call moves, so a goodbye, or the line before a transfer, would be cut. Runs the action as
 * soon as the marks show nothing is playing, or after {@code stream.playout-wait} if they never do. Confined to the
 * stream's event loop.
 */
final class AfterPlayout {

    private final CallServices services;
    private Runnable action;
    private Timers.Cancellable timeout;

    AfterPlayout(CallServices services) {
        this.services = services;
    }

    /** Runs {@code next} now when nothing is playing, otherwise once playback is over (it replaces a pending one). */
    void then(boolean playing, Runnable next) {
        if (!playing) {
            cancel();
            next.run();
            return;
        }
        action = next;
        if (timeout == null) {
            timeout = services.timers().schedule(services.limits().playoutWait().toMillis(), this::playedOut);
        }
    }

    /** Nothing plays any more (or the wait is over): the pending action runs. */
    void playedOut() {
        Runnable next = action;
        cancel();
        if (next != null) {
            next.run();
        }
    }

    void cancel() {
        action = null;
        if (timeout != null) {
            timeout.cancel();
            timeout = null;
        }
    }
}
