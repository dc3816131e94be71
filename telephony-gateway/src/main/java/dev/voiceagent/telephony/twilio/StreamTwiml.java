package dev.voiceagent.telephony.twilio;

import java.net.URI;
import java.util.Map;

/**
 * The TwiML answer to a call: connect a bidirectional media stream, carrying call facts as parameters. Written
 * directly, as the Twilio SDK renders it (its test checks the two agree): the SDK builds a DOM and an XSLT
 * transformer for every answer, looking both factories up on the class path each time, which cost the webhook about
 * 0.8 CPU-ms per call on the gateway's event loop in the load benchmark's profile (docs/benchmarks.md).
 */
public final class StreamTwiml {

    private StreamTwiml() {
    }

    /** {@code <Response><Connect><Stream url><Parameter/>…</Stream></Connect></Response>}; null values are left out. */
    public static String connect(URI mediaStreamUrl, Map<String, String> parameters) {
        StringBuilder xml = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<Response><Connect><Stream url=\"");
        attribute(xml, mediaStreamUrl.toString()).append("\">");
        parameters.forEach((name, value) -> {
            if (value != null) {
                attribute(xml.append("<Parameter name=\""), name).append("\" value=\"");
                attribute(xml, value).append("\"/>");
            }
        });
        return xml.append("</Stream></Connect></Response>").toString();
    }

    /**
     * An attribute value as XML 1.0 allows it: markup characters escaped, whitespace that attribute normalisation
     * would turn into spaces kept as character references (and characters beyond the BMP, as the SDK writes them),
     * and what XML cannot carry (control characters, lone surrogates) left out.
     */
    private static StringBuilder attribute(StringBuilder xml, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\t' -> xml.append("&#9;");
                case '\n' -> xml.append("&#10;");
                case '\r' -> xml.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        xml.append("&#").append(value.codePointAt(i)).append(';'); // as the SDK writes them
                        i++;
                    } else if (c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
                        xml.append(c);
                    }
                }
            }
        }
        return xml;
    }
}
