package dev.voiceagent.core.session;

import dev.voiceagent.session.SessionMessage;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/** A gateway link that records what the conversation sends it, in order, into a shared transcript. */
final class RecordingGateway implements GatewayLink {

    final List<SessionMessage.FromCore> messages = new ArrayList<>();
    final List<String> audio = new ArrayList<>();
    private final Transcript transcript;
    boolean closed;

    RecordingGateway(Transcript transcript) {
        this.transcript = transcript;
    }

    @Override
    public void send(SessionMessage.FromCore message) {
        messages.add(message);
        transcript.add("gateway: " + describe(message));
    }

    @Override
    public void sendAudio(Buffer base64Audio) {
        audio.add(base64Audio.toString());
        transcript.add("gateway: audio");
    }

    @Override
    public void close() {
        closed = true;
        transcript.add("gateway: closed");
    }

    <T extends SessionMessage.FromCore> List<T> messages(Class<T> type) {
        return messages.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String describe(SessionMessage.FromCore message) {
        return switch (message) {
            case SessionMessage.Error error -> "error " + error.code() + (error.fatal() ? " fatal" : "");
            case SessionMessage.End end -> "end " + end.reason();
            case SessionMessage.Transcript text -> "transcript " + text.role().name().toLowerCase() + " "
                    + text.text();
            default -> message.getClass().getSimpleName();
        };
    }
}
