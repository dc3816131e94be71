package dev.voiceagent.session;

/**
 * Audio that only passes through stays base64 text from Twilio to OpenAI and back, so these helpers measure and
 * check it without decoding it.
 */
public final class Base64Audio {

    private static final boolean[] ALPHABET = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            ALPHABET[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ALPHABET[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ALPHABET[c] = true;
        }
        ALPHABET['+'] = true;
        ALPHABET['/'] = true;
    }

    private Base64Audio() {
    }

    /** Number of bytes that base64 text of this length (including its '=' padding) decodes to. */
    public static int decodedLength(int base64Length, int paddingChars) {
        return base64Length / 4 * 3 - paddingChars;
    }

    /** Count of trailing '=' characters. */
    public static int padding(CharSequence text) {
        int n = text.length();
        int pad = 0;
        while (pad < 2 && n - pad > 0 && text.charAt(n - pad - 1) == '=') {
            pad++;
        }
        return pad;
    }

    /** True when the text is canonical, padded, standard-alphabet base64 (RFC 4648 section 4). */
    public static boolean isValid(CharSequence text) {
        int n = text.length();
        if (n % 4 != 0) {
            return false;
        }
        int pad = padding(text);
        for (int i = 0; i < n - pad; i++) {
            char c = text.charAt(i);
            if (c >= 128 || !ALPHABET[c]) {
                return false;
            }
        }
        return true;
    }

    /** As {@link #isValid(CharSequence)}, for ASCII bytes. */
    public static boolean isValid(byte[] ascii) {
        return isValid(new String(ascii, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
