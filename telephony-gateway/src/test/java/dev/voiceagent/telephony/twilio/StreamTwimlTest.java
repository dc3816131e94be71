package dev.voiceagent.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Connect;
import com.twilio.twiml.voice.Parameter;
import com.twilio.twiml.voice.Stream;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class StreamTwimlTest {

    @Test
    void connectsABidirectionalStreamWithParameters() throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("From", "+14155550100");
        parameters.put("CallSid", "CA123");
        parameters.put("session", null);
        String xml = StreamTwiml.connect(URI.create("wss://voice.example.com/media-stream"), parameters);

        Document twiml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element response = twiml.getDocumentElement();
        assertThat(response.getTagName()).isEqualTo("Response");
        Element stream = (Element) response.getElementsByTagName("Stream").item(0);
        assertThat(stream.getParentNode().getNodeName()).isEqualTo("Connect");
        assertThat(stream.getAttribute("url")).isEqualTo("wss://voice.example.com/media-stream");
        NodeList params = stream.getElementsByTagName("Parameter");
        assertThat(params.getLength()).as("null values are left out").isEqualTo(2);
        assertThat(((Element) params.item(0)).getAttribute("name")).isEqualTo("From");
        assertThat(((Element) params.item(0)).getAttribute("value")).isEqualTo("+14155550100");
        assertThat(((Element) params.item(1)).getAttribute("value")).isEqualTo("CA123");
    }

    /** Written by hand for speed, it must stay what the Twilio SDK renders, character for character. */
    @ParameterizedTest
    @ValueSource(strings = {"+14155550100", "a&b<c>d\"e'f", "tab\there", "nl\nx\ry", "\u00fcn\u00ef \u20ac\ud83d\ude00",
            "\"/><Hangup/>", "client:alice", "sip:bob@example.com;transport=tls"})
    void rendersWhatTheTwilioSdkRenders(String value) throws Exception {
        URI url = URI.create("wss://voice.example.com/media-stream?region=eu&x=1");
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("From", value);
        parameters.put("CallSid", "CA0123456789abcdef0123456789abcdef");
        parameters.put("session", null);
        parameters.put("ticket", "Q0EwMTIzfDE3MDA.c2lnbmF0dXJl");

        Stream.Builder stream = new Stream.Builder().url(url.toString());
        parameters.forEach((name, parameterValue) -> {
            if (parameterValue != null) {
                stream.parameter(new Parameter.Builder().name(name).value(parameterValue).build());
            }
        });
        String sdk = new VoiceResponse.Builder().connect(new Connect.Builder().stream(stream.build()).build()).build()
                .toXml();
        assertThat(StreamTwiml.connect(url, parameters)).isEqualTo(sdk);
    }

    @Test
    void leavesOutWhatXmlCannotCarry() throws Exception {
        String xml = StreamTwiml.connect(URI.create("wss://h/media-stream"), Map.of("From", "a\u0000b\u001fc\ud800d"));
        Document twiml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(((Element) twiml.getElementsByTagName("Parameter").item(0)).getAttribute("value")).isEqualTo("abcd");
    }

    @Test
    void escapesWhatItCarries() throws Exception {
        String xml = StreamTwiml.connect(URI.create("wss://h/media-stream"), Map.of("From", "\"/><Hangup/>"));
        assertThat(xml).doesNotContain("<Hangup/>");
    }
}
