package dev.voiceagent.session;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.impl.ContextInternal;

/**
 * The one way to run an action on the thread that owns some state: at once when already on it (so order with
 * the caller's own work is kept), otherwise as a task on it.
 */
public final class EventLoops {

    private EventLoops() {
    }

    /** Runs {@code action} on {@code loop}. */
    public static void run(EventLoop loop, Runnable action) {
        if (loop.inEventLoop()) {
            action.run();
        } else {
            loop.execute(action);
        }
    }

    /** Runs {@code action} on the Vert.x {@code context}, so that timers and futures it creates belong to it. */
    public static void run(Context context, Runnable action) {
        if (((ContextInternal) context).nettyEventLoop().inEventLoop()) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }
}
