package dev.voiceagent.telephony.twilio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Twilio Media Streams messages: reading what Twilio sends, writing {@code media}, {@code mark} and
 * {@code clear}. Media messages, fifty a second per call, are read with a streaming parser and written by
 * concatenation around the base64 payload, which is never decoded.
 */
public final class TwilioCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final java.util.regex.Pattern SAFE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_:.-]{1,128}");

    private TwilioCodec() {
    }

    /** @throws IOException when the text is not a JSON object with an {@code event} */
    public static TwilioInbound parse(String text) throws IOException {
        String event = null;
        String track = null;
        String payload = null;
        String name = null;
        String digit = null;
        JsonNode start = null;
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "event" -> event = parser.getValueAsString();
                    case "start" -> start = value == JsonToken.START_OBJECT ? parser.readValueAsTree() : null;
                    case "media", "mark", "dtmf" -> {
                        if (value != JsonToken.START_OBJECT) {
                            throw new IOException("'" + field + "' must be an object");
                        }
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String inner = parser.currentName();
                            parser.nextToken();
                            switch (inner) {
                                case "track" -> track = parser.getValueAsString();
                                case "payload" -> payload = parser.getValueAsString();
                                case "name" -> name = parser.getValueAsString();
                                case "digit" -> digit = parser.getValueAsString();
                                default -> parser.skipChildren();
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new IOException(e.getOriginalMessage()); // without Jackson's second line (the source location)
        }
        if (event == null) {
            throw new IOException("message without 'event'");
        }
        return switch (event) {
            case "connected" -> new TwilioInbound.Connected();
            case "start" -> start(start);
            case "media" -> new TwilioInbound.Media(track == null ? "inbound" : track, require(payload, "payload"));
            case "mark" -> new TwilioInbound.Mark(require(name, "mark.name"));
            case "dtmf" -> new TwilioInbound.Dtmf(require(digit, "dtmf.digit"));
            case "stop" -> new TwilioInbound.Stop();
            default -> new TwilioInbound.Unknown(event);
        };
    }

    /** An outbound {@code media} message around base64 mu-law given as ASCII bytes. */
    public static String media(String streamSid, Buffer base64Audio) {
        return "{\"event\":\"media\",\"streamSid\":\"" + streamSid + "\",\"media\":{\"payload\":\""
                + base64Audio.toString(java.nio.charset.StandardCharsets.ISO_8859_1) + "\"}}";
    }

    /** Mark names are ours (item id, position, generation, sequence), so they are written without a JSON tree. */
    public static String mark(String streamSid, String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            return MAPPER.createObjectNode().put("event", "mark").put("streamSid", streamSid)
                    .set("mark", MAPPER.createObjectNode().put("name", name)).toString();
        }
        return "{\"event\":\"mark\",\"streamSid\":\"" + streamSid + "\",\"mark\":{\"name\":\"" + name + "\"}}";
    }

    public static String clear(String streamSid) {
        return MAPPER.createObjectNode().put("event", "clear").put("streamSid", streamSid).toString();
    }

    private static TwilioInbound.Start start(JsonNode start) throws IOException {
        if (start == null) {
            throw new IOException("'start' must be an object");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        start.path("customParameters").fields()
                .forEachRemaining(entry -> parameters.put(entry.getKey(), entry.getValue().asText()));
        JsonNode format = start.path("mediaFormat");
        return new TwilioInbound.Start(require(textOrNull(start, "streamSid"), "start.streamSid"),
                textOrNull(start, "callSid"), Map.copyOf(parameters), format.path("encoding").asText(null),
                format.path("sampleRate").asInt(), format.path("channels").asInt());
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String require(String value, String what) throws IOException {
        if (value == null) {
            throw new IOException("missing '" + what + "'");
        }
        return value;
    }
}
