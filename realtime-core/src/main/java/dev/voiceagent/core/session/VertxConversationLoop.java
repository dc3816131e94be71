package dev.voiceagent.core.session;

import dev.voiceagent.session.EventLoops;
import io.vertx.core.Context;
import java.time.Duration;

/** A conversation's loop in production: a Vert.x event-loop context and its timers. */
record VertxConversationLoop(Context context) implements ConversationLoop {

    @Override
    public void execute(Runnable action) {
        EventLoops.run(context, action);
    }

    @Override
    public long schedule(Duration delay, Runnable action) {
        return context.owner().setTimer(Math.max(1, delay.toMillis()), t -> execute(action));
    }

    @Override
    public void cancel(long timer) {
        if (timer >= 0) {
            context.owner().cancelTimer(timer);
        }
    }
}
