package dev.voiceagent.core.session;

import dev.voiceagent.session.SessionMessage;
import io.vertx.core.buffer.Buffer;

/** The conversation's way back to its gateway. */
public interface GatewayLink {

    void send(SessionMessage.FromCore message);

    /** Sends base64 text of assistant audio as one audio record of this conversation. */
    void sendAudio(Buffer base64Audio);

    void close();
}
