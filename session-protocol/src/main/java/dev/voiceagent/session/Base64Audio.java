package dev.voiceagent.session;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Audio that only passes through stays base64 text from Twilio to OpenAI and back, so these helpers measure and
 * check it without decoding it.
 */
public final class Base64Audio {

    /** Random access to the characters of base64 text, however it is held. */
    @FunctionalInterface
    private interface Text {
        char at(int index);
    }

    private static final boolean[] ALPHABET = new boolean[128];

    static {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            ALPHABET[alphabet.charAt(i)] = true;
        }
    }

    private Base64Audio() {
    }

    /**
     * The base64 text as a buffer of its ASCII bytes, to pass through unchanged. Names no charset: looking one up by
     * name per frame showed in the load benchmark's profile.
     */
    public static Buffer toBuffer(String base64) {
        return Buffer.buffer(base64.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Number of bytes the base64 text decodes to. */
    public static int decodedLength(CharSequence text) {
        return decodedLength(text.length(), text::charAt);
    }

    /** Number of bytes the base64 text, held as ASCII bytes, decodes to. */
    public static int decodedLength(Buffer ascii) {
        return decodedLength(ascii.length(), asText(ascii));
    }

    /** True when the text is canonical, padded, standard-alphabet base64 (RFC 4648 section 4). */
    public static boolean isValid(CharSequence text) {
        return isValid(text.length(), text::charAt);
    }

    private static Text asText(Buffer ascii) {
        return i -> (char) (ascii.getByte(i) & 0xFF);
    }

    private static int decodedLength(int length, Text text) {
        return length / 4 * 3 - padding(length, text);
    }

    private static int padding(int length, Text text) {
        int pad = 0;
        while (pad < 2 && length - pad > 0 && text.at(length - pad - 1) == '=') {
            pad++;
        }
        return pad;
    }

    private static boolean isValid(int length, Text text) {
        if (length == 0 || length % 4 != 0) {
            return false;
        }
        int end = length - padding(length, text);
        for (int i = 0; i < end; i++) {
            char c = text.at(i);
            if (c >= 128 || !ALPHABET[c]) {
                return false;
            }
        }
        return true;
    }
}
