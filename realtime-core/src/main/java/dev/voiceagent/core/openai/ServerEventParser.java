package dev.voiceagent.core.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads server events; audio deltas without building a JSON tree. */
public final class ServerEventParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private ServerEventParser() {
    }

    /** @throws IOException when the text is not a JSON object with a {@code type} */
    public static ServerEvent parse(String text) throws IOException {
        String type = null;
        String itemId = null;
        String responseId = null;
        String delta = null;
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("server event is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    parser.skipChildren();
                    continue;
                }
                switch (field) {
                    case "type" -> type = parser.getText();
                    case "item_id" -> itemId = parser.getText();
                    case "response_id" -> responseId = parser.getText();
                    case "delta" -> delta = parser.getText();
                    default -> {
                    }
                }
            }
        }
        if (type == null) {
            throw new IOException("server event without type");
        }
        if (ServerEvent.AUDIO_DELTA.equals(type)) {
            return new ServerEvent(type, itemId, responseId, delta, null);
        }
        return new ServerEvent(type, itemId, responseId, delta, MAPPER.readTree(text));
    }
}
