package dev.voiceagent.telephony.call;

import dev.voiceagent.session.CoreConversation;
import dev.voiceagent.session.SessionMessage;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;

/** How a call reaches realtime-core: one conversation per call. */
public interface CorePort {

    /**
     * Opens the call's conversation; the listener gets what the core says on the caller's event loop.
     *
     * @param start the session protocol's {@code start}
     */
    Future<Opened> open(SessionMessage.Start start, CoreConversation.Listener listener);

    /** The call's end of its conversation. */
    interface Conversation {
        /** Base64 text of caller audio, sent as it came from Twilio. */
        void sendAudio(Buffer base64Audio);

        void send(SessionMessage.FromGateway message);

        /** Nothing more leaves after it; the listener's {@code onClosed} follows. */
        void close();
    }

    /**
     * @param sinceWebhook for a pre-warmed call, how long ago the webhook pre-warmed it (first-audio latency counts
     *        from there); otherwise zero
     */
    record Opened(Conversation conversation, Duration sinceWebhook) {
    }
}
