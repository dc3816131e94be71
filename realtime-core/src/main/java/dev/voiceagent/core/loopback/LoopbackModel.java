package dev.voiceagent.core.loopback;

import dev.voiceagent.core.model.ModelListener;
import dev.voiceagent.core.model.ModelSession;
import dev.voiceagent.core.model.RealtimeModel;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/** The offline provider: each session echoes the caller (see {@link LoopbackSession}). Nothing leaves the machine. */
public final class LoopbackModel implements RealtimeModel {

    private final LoopbackConfig config;
    private final KeyScript keys;

    public LoopbackModel(LoopbackConfig config, Clock clock) {
        this.config = config;
        this.keys = new KeyScript(config, clock);
    }

    @Override
    public Future<ModelSession> open(ModelListener listener) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Future.failedFuture(new IllegalStateException("open a loopback session from a Vert.x context"));
        }
        LoopbackSession session = new LoopbackSession(context, listener, config, keys);
        session.start();
        return Future.succeededFuture(session);
    }

    @Override
    public String label() {
        return LoopbackSession.LABEL;
    }
}
