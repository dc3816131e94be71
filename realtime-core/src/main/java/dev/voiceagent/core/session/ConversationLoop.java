package dev.voiceagent.core.session;

import java.time.Duration;

/**
 * Where a conversation's work runs and how it waits: its event loop and timers. A port, so the conversation's state
 * machine runs in plain tests on a scripted loop with a manual clock.
 */
interface ConversationLoop {

    /** Runs {@code action} on the loop: at once when already on it, otherwise as a task. */
    void execute(Runnable action);

    /** Runs {@code action} on the loop after {@code delay}; returns the timer's id. */
    long schedule(Duration delay, Runnable action);

    /** Cancels a timer; unknown or fired ids are ignored. */
    void cancel(long timer);
}
