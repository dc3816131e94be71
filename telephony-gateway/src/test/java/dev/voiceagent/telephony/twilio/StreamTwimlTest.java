package dev.voiceagent.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
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

    @Test
    void escapesWhatItCarries() throws Exception {
        String xml = StreamTwiml.connect(URI.create("wss://h/media-stream"), Map.of("From", "\"/><Hangup/>"));
        assertThat(xml).doesNotContain("<Hangup/>");
    }
}
