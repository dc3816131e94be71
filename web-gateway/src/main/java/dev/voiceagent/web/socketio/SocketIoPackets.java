package dev.voiceagent.web.socketio;

import java.util.OptionalInt;

/**
 * Reads just enough of a raw Engine.IO v4 text packet carrying Socket.IO v5 to police it before the library
 * parses it: whether it is a namespace CONNECT (and its auth payload), and how many binary attachments it
 * announces. Examples: {@code 40{"token":"x"}} connects {@code /} with auth, {@code 451-["message",{...}]} is a
 * binary event with one attachment.
 */
public final class SocketIoPackets {

    private static final char ENGINE_MESSAGE = '4';
    private static final char CONNECT = '0';
    private static final char BINARY_EVENT = '5';
    private static final char BINARY_ACK = '6';

    private SocketIoPackets() {
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
