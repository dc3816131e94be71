package dev.voiceagent.testsupport.twilio;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The {@code <Connect><Stream>} of a TwiML answer, read as Twilio reads it. */
record TwimlStream(URI url, Map<String, String> parameters) {

    static TwimlStream parse(String twiml) {
        try {
            Element response = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            if (!"Response".equals(response.getTagName())) {
                throw new IllegalArgumentException("TwiML root is <" + response.getTagName() + ">, not <Response>");
            }
            NodeList streams = response.getElementsByTagName("Stream");
            if (streams.getLength() != 1 || !"Connect".equals(streams.item(0).getParentNode().getNodeName())) {
                throw new IllegalArgumentException("TwiML has no single <Connect><Stream>: " + twiml);
            }
            Element stream = (Element) streams.item(0);
            URI url = URI.create(stream.getAttribute("url"));
            Map<String, String> parameters = new LinkedHashMap<>();
            NodeList children = stream.getElementsByTagName("Parameter");
            for (int i = 0; i < children.getLength(); i++) {
                Element parameter = (Element) children.item(i);
                parameters.put(parameter.getAttribute("name"), parameter.getAttribute("value"));
            }
            return new TwimlStream(url, Map.copyOf(parameters));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("TwiML is not XML: " + twiml, e);
        }
    }
}
