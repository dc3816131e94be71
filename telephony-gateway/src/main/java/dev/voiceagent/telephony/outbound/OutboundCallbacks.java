package dev.voiceagent.telephony.outbound;

import dev.voiceagent.telephony.twilio.TwilioConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The URLs Twilio calls back about an outbound call, on the public base URL: its TwiML ({@value #ANSWER}), its
 * status ({@value #STATUS}) and the answering-machine verdict ({@value #MACHINE}). What a callback needs to know
 * of the request rides in the URL's query, so any gateway instance can answer it: the agent, and the context or
 * the message as unpadded base64url of their UTF-8 (no URL-encoding, so the URL Twilio signs is exactly the one we
 * gave). Twilio signs the whole URL, so a query that passes the signature check is ours.
 */
@ApplicationScoped
public class OutboundCallbacks {

    static final String ANSWER = "/outbound-call/answer";
    static final String STATUS = "/outbound-call/status";
    static final String MACHINE = "/outbound-call/machine";
    /** Twilio refuses longer callback URLs. */
    static final int MAX_URL_CHARS = 4000;

    private final String base;

    @Inject
    public OutboundCallbacks(TwilioConfig config) {
        this(config.publicBaseUrl());
    }

    OutboundCallbacks(URI publicBaseUrl) {
        this.base = publicBaseUrl.toString().replaceAll("/$", "");
    }

    /** Where Twilio fetches the TwiML of the answered call: the agent and the context ride along. */
    public URI answerUrl(OutboundCall call) {
        return URI.create(base + ANSWER + "?agent=" + call.agent()
                + (call.context() == null ? "" : "&context=" + encode(call.context())));
    }

    public URI statusUrl() {
        return URI.create(base + STATUS);
    }

    /** Where Twilio posts the answering-machine verdict: what to do on a machine rides along. */
    public URI machineUrl(OutboundCall.OnMachine onMachine) {
        return URI.create(base + MACHINE + "?action=" + onMachine.action()
                + (onMachine.leavesMessage() ? "&message=" + encode(onMachine.message()) : ""));
    }

    /** Text from a callback's query; empty when absent or not as we encode it. */
    public static Optional<String> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
