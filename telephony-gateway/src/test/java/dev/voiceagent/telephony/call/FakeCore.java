package dev.voiceagent.telephony.call;

import dev.voiceagent.session.CoreConversation;
import dev.voiceagent.session.SessionMessage;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * realtime-core as one call sees it, in process: records the {@code start} and everything the call sends on its
 * conversation, as typed events; the test decides when (and whether) the conversation opens.
 */
final class FakeCore implements CorePort {

    sealed interface ToCore {
    }

    record Audio(String base64) implements ToCore {
    }

    record Message(SessionMessage.FromGateway message) implements ToCore {
    }

    record Closed() implements ToCore {
    }

    private final List<ToCore> events = new ArrayList<>();
    private SessionMessage.Start start;
    private Promise<Opened> opening;

    @Override
    public Future<Opened> open(SessionMessage.Start startMessage, CoreConversation.Listener listener) {
        this.start = startMessage;
        this.opening = Promise.promise();
        return opening.future();
    }

    /** The conversation opens. */
    void answer() {
        answer(Duration.ZERO);
    }

    /** The conversation opens; it was pre-warmed by the webhook this long ago. */
    void answer(Duration sinceWebhook) {
        opening.complete(new Opened(new Conversation() {
            @Override
            public void sendAudio(Buffer base64Audio) {
                events.add(new Audio(base64Audio.toString()));
            }

            @Override
            public void send(SessionMessage.FromGateway message) {
                events.add(new Message(message));
            }

            @Override
            public void close() {
                events.add(new Closed());
            }
        }, sinceWebhook));
    }

    void refuse() {
        opening.fail("connection refused");
    }

    /** The {@code start} the call asked for, or null. */
    SessionMessage.Start start() {
        return start;
    }

    List<ToCore> take() {
        List<ToCore> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    List<ToCore> events() {
        return List.copyOf(events);
    }
}
