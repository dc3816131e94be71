package dev.voiceagent.testsupport.twilio;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A {@code <Dial>} (or {@code <Enqueue>}) of a TwiML document, read as Twilio reads it: where the call goes, the URL
 * Twilio requests when the dial ends ({@code action}, which must be absolute when the TwiML came through the REST
 * API), and for each party the URL whose TwiML the person who answers hears first (the whisper).
 *
 * @param verb {@code Dial} or {@code Enqueue}
 * @param action the action URL, or null
 * @param timeoutSeconds how long Twilio lets the party ring (Twilio's default 30)
 * @param parties what is dialled: {@code <Number>}, {@code <Sip>} or, for Enqueue, the queue name
 */
public record DialTwiml(String verb, String action, String method, int timeoutSeconds, List<Party> parties) {

    /** @param noun {@code Number}, {@code Sip} or {@code Queue}; @param whisperUrl the noun's {@code url}, or null */
    public record Party(String noun, String address, String whisperUrl) {
    }

    /** The document's {@code <Dial>} or {@code <Enqueue>}; fails when it has neither, as a call could not transfer. */
    public static DialTwiml parse(String twiml) {
        Element response;
        try {
            response = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("TwiML is not XML: " + twiml, e);
        }
        for (String verb : new String[] {"Dial", "Enqueue"}) {
            NodeList found = response.getElementsByTagName(verb);
            if (found.getLength() == 1) {
                return read((Element) found.item(0));
            }
        }
        throw new IllegalArgumentException("TwiML has no single <Dial> or <Enqueue>: " + twiml);
    }

    private static DialTwiml read(Element verb) {
        String action = attribute(verb, "action");
        if (action != null && !CallParameters.isAbsoluteHttpUrl(action)) {
            // Twilio error 15004: TwiML given through the REST API has no document URL to resolve against.
            throw new IllegalArgumentException("the action URL of <" + verb.getTagName() + "> is not absolute: " + action);
        }
        String method = attribute(verb, "method");
        String timeout = attribute(verb, "timeout");
        List<Party> parties = new ArrayList<>();
        if (verb.getTagName().equals("Enqueue")) {
            parties.add(new Party("Queue", verb.getTextContent().trim(), null));
        } else {
            NodeList children = verb.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                    Element noun = (Element) children.item(i);
                    parties.add(new Party(noun.getTagName(), noun.getTextContent().trim(), attribute(noun, "url")));
                }
            }
            if (parties.isEmpty() && !verb.getTextContent().isBlank()) {
                parties.add(new Party("Number", verb.getTextContent().trim(), null));
            }
        }
        return new DialTwiml(verb.getTagName(), action, method == null ? "POST" : method,
                timeout == null ? 30 : Integer.parseInt(timeout), List.copyOf(parties));
    }

    private static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }
}
