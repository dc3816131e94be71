package dev.voiceagent.web.socketio;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The Engine.IO library's heartbeat timers: one thread, and a cancelled timer leaves the queue at once.
 *
 * <p>The library re-arms a connection's ping timeout on every packet it receives, i.e. cancels one timer and
 * schedules another, twice per audio chunk (a placeholder text frame and a binary frame). Its own executor keeps
 * cancelled timers queued until they fall due and runs twenty threads that hand the queue to each other: with 20
 * pages sending 50 chunks a second, 2 000 dead timers a second woke those threads, a third of the gateway's CPU. Here
 * the queue holds only the timers that can still fire (two per connection) and its one thread sleeps until one does.
 * The timers' work is short and never blocks (a ping written, or a connection closed).
 */
final class EngineIoTimers extends ScheduledThreadPoolExecutor {

    EngineIoTimers() {
        super(1, runnable -> {
            Thread thread = new Thread(runnable, "engineio-timers");
            thread.setDaemon(true);
            return thread;
        });
        setRemoveOnCancelPolicy(true);
    }
}
