package dev.voiceagent.web.socketio;

import java.util.OptionalInt;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * Reads just enough of a raw Engine.IO v4 text packet carrying Socket.IO v5 to police it before the library
 * parses it: whether the library can decode it at all, whether it is a namespace CONNECT (and its auth payload), and
 * how many binary attachments it announces. Examples: {@code 40{"token":"x"}} connects {@code /} with auth,
 * {@code 451-["message",{...}]} is a binary event with one attachment.
 */
public final class SocketIoPackets {

    private static final char ENGINE_MESSAGE = '4';
    private static final char CONNECT = '0';
    private static final char DISCONNECT = '1';
    private static final char EVENT = '2';
    private static final char CONNECT_ERROR = '4';
    private static final char BINARY_EVENT = '5';
    private static final char BINARY_ACK = '6';
    /** The widget's payloads nest three deep; the library's decoders recurse once per level, unbounded. */
    static final int MAX_JSON_DEPTH = 32;
    private static final int MAX_ACK_ID_DIGITS = 9;

    private SocketIoPackets() {
    }

    /**
     * Whether the Engine.IO and Socket.IO decoders read this text packet without failing: an Engine.IO packet type
     * ({@code 0} to {@code 6}) and, for a message, a Socket.IO packet type, namespace, ack id and JSON payload as
     * their decoder reads them, nested at most {@value #MAX_JSON_DEPTH} deep. The libraries fail on anything else in
     * ways the guard cannot let through: Engine.IO throws into the transport and leaves the connection open,
     * Socket.IO logs a stack trace before closing it. Stricter than the decoders where they are lax: only ASCII
     * digits count as digits, and CONNECT_ERROR, which only a server sends, is refused (the library would fail on it
     * after decoding).
     */
    public static boolean isDecodable(String packet) {
        if (packet.isEmpty() || packet.charAt(0) < '0' || packet.charAt(0) > '6') {
            return false;
        }
        return packet.charAt(0) != ENGINE_MESSAGE || isDecodableSocketIo(packet);
    }

    private static boolean isDecodableSocketIo(String packet) {
        char type = packet.length() < 2 ? 0 : packet.charAt(1);
        if (type < '0' || type > '6' || type == CONNECT_ERROR) {
            return false;
        }
        int at = 2;
        if (type == BINARY_EVENT || type == BINARY_ACK) {
            if (announcedAttachments(packet).orElse(-1) < 0) {
                return false;
            }
            at = packet.indexOf('-', 2) + 1;
        }
        if (at < packet.length() && packet.charAt(at) == '/') {
            int comma = packet.indexOf(',', at);
            at = comma < 0 ? packet.length() : comma + 1;
        }
        int idEnd = at;
        // The decoder reads as the ack id every character that has a numeric value, letters included.
        while (idEnd < packet.length() && Character.getNumericValue(packet.charAt(idEnd)) >= 0) {
            idEnd++;
        }
        String ackId = packet.substring(at, idEnd);
        if (ackId.length() > MAX_ACK_ID_DIGITS || !ackId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return isPayloadFor(type, packet.substring(idEnd));
    }

    /** The payload each Socket.IO packet type must carry, as the decoder checks it. */
    private static boolean isPayloadFor(char type, String json) {
        if (json.isEmpty()) {
            return type == CONNECT || type == DISCONNECT;
        }
        if (type == DISCONNECT || depth(json) > MAX_JSON_DEPTH) {
            return false;
        }
        Object payload;
        try {
            payload = new JSONTokener(json).nextValue();
        } catch (JSONException e) {
            return false;
        }
        return switch (type) {
            case CONNECT -> payload instanceof JSONObject;
            case EVENT, BINARY_EVENT -> payload instanceof JSONArray array && !array.isEmpty() && !array.isNull(0);
            default -> payload instanceof JSONArray;
        };
    }

    /** How deep arrays and objects nest, brackets inside strings (either quote, as org.json reads them) aside. */
    static int depth(String json) {
        int depth = 0;
        int deepest = 0;
        char quote = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return deepest;
    }

    /** True for a Socket.IO CONNECT to any namespace. */
    public static boolean isConnect(String packet) {
        return packet.length() >= 2 && packet.charAt(0) == ENGINE_MESSAGE && packet.charAt(1) == CONNECT;
    }

    /** The namespace a CONNECT names: {@code /} unless the packet spells one out ({@code 40/admin,{...}}). */
    public static String connectNamespace(String packet) {
        if (packet.length() > 2 && packet.charAt(2) == '/') {
            int comma = packet.indexOf(',', 2);
            return comma < 0 ? packet.substring(2) : packet.substring(2, comma);
        }
        return "/";
    }

    /** The auth payload of a CONNECT (the JSON after the namespace), or an empty string when it has none. */
    public static String connectAuth(String packet) {
        int start = 2;
        if (packet.length() > 2 && packet.charAt(2) == '/') {
            int comma = packet.indexOf(',', 2);
            start = comma < 0 ? packet.length() : comma + 1;
        }
        return packet.substring(start);
    }

    /**
     * The attachment count a BINARY_EVENT or BINARY_ACK announces ({@code 451-...} -> 1); empty for any other
     * packet. A binary packet without a well-formed count announces {@code -1}, which no limit admits.
     */
    public static OptionalInt announcedAttachments(String packet) {
        if (packet.length() < 2 || packet.charAt(0) != ENGINE_MESSAGE
                || (packet.charAt(1) != BINARY_EVENT && packet.charAt(1) != BINARY_ACK)) {
            return OptionalInt.empty();
        }
        int dash = packet.indexOf('-', 2);
        if (dash <= 2 || dash > 12) {
            return OptionalInt.of(-1);
        }
        long count = 0;
        for (int i = 2; i < dash; i++) {
            char c = packet.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalInt.of(-1);
            }
            count = count * 10 + (c - '0');
        }
        return OptionalInt.of((int) Math.min(count, Integer.MAX_VALUE));
    }

    /** Socket.IO CONNECT_ERROR with a reason, as the official server words it ({@code 44{"message":...}}). */
    public static String connectError(String reason) {
        return "44" + new org.json.JSONObject().put("message", reason);
    }
}
