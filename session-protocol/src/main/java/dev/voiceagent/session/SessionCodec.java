package dev.voiceagent.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * JSON encoding of {@link SessionMessage}s. Thread-safe. A refusal is worded in one bounded line without Jackson's
 * source location: it is logged and sent back to the peer, and may quote what the peer sent.
 */
public final class SessionCodec {

    private static final int MAX_REASON_CHARS = 300;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    private SessionCodec() {
    }

    public static String encode(SessionMessage message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + message, e);
        }
    }

    /** The message as UTF-8 JSON, ready to go into a record. */
    public static Buffer encodeToBuffer(SessionMessage message) {
        try {
            return Buffer.buffer(MAPPER.writeValueAsBytes(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + message, e);
        }
    }

    /**
     * Decodes one control record's payload. Unknown properties are ignored so that a newer peer can add fields; an
     * unknown {@code type} or malformed JSON is a {@link ProtocolException}.
     */
    public static SessionMessage decode(Buffer json) {
        try {
            return MAPPER.readValue(json.getBytes(), SessionMessage.class);
        } catch (IOException e) { // also bytes that are no text in the encoding Jackson detects
            throw malformed(e);
        }
    }

    private static ProtocolException malformed(IOException e) {
        String reason = String.valueOf(e instanceof JsonProcessingException json ? json.getOriginalMessage()
                        : e.getMessage())
                .codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .limit(MAX_REASON_CHARS)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return new ProtocolException("malformed session message: " + reason, e);
    }
}
