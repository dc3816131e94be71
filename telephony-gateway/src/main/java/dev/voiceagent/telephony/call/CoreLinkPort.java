package dev.voiceagent.telephony.call;

import dev.voiceagent.session.CoreConversation;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.telephony.core.CoreLink;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * {@link CorePort} over the session protocol ({@link CoreLink}). A pre-warm reference carries the webhook's wall
 * time; it becomes an age here, so that the call itself only reads the monotonic clock.
 */
@Singleton
public class CoreLinkPort implements CorePort {

    private final CoreLink link;
    private final Clock wallClock = Clock.systemUTC();

    public CoreLinkPort(CoreLink link) {
        this.link = link;
    }

    @Override
    public Future<Opened> open(SessionMessage.Start start, CoreConversation.Listener listener) {
        return link.open(start, listener).map(opened -> new Opened(new Link(opened.conversation()),
                opened.prewarm().map(claims -> Duration.ofMillis(Math.max(0, wallClock.millis() - claims.issuedAtMs())))
                        .orElse(Duration.ZERO)));
    }

    private record Link(CoreConversation conversation) implements Conversation {
        @Override
        public void sendAudio(Buffer base64Audio) {
            conversation.sendAudio(base64Audio);
        }

        @Override
        public void send(SessionMessage.FromGateway message) {
            conversation.send(message);
        }

        @Override
        public void close() {
            conversation.close();
        }
    }
}
