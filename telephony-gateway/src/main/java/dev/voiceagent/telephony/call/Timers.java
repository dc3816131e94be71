package dev.voiceagent.telephony.call;

/** One-shot timers for a call; the action runs on the event loop that scheduled it. */
@FunctionalInterface
public interface Timers {

    Cancellable schedule(long delayMs, Runnable action);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
