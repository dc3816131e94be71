package dev.voiceagent.telephony.twilio;

import java.util.Map;

/** Messages Twilio sends on a Media Streams websocket, as far as the gateway needs them. */
public sealed interface TwilioInbound {

    record Connected() implements TwilioInbound {
    }

    /**
     * @param customParameters the {@code <Parameter>}s of our TwiML
     * @param encoding {@code mediaFormat.encoding}, always {@code audio/x-mulaw} for Twilio
     */
    record Start(String streamSid, String callSid, Map<String, String> customParameters, String encoding,
            int sampleRate, int channels) implements TwilioInbound {
    }

    /** @param payload base64 mu-law exactly as Twilio sent it, never decoded here */
    record Media(String track, String payload) implements TwilioInbound {
    }

    record Mark(String name) implements TwilioInbound {
    }

    record Dtmf(String digit) implements TwilioInbound {
    }

    record Stop() implements TwilioInbound {
    }

    /** A well-formed message with an event this gateway does not know. */
    record Unknown(String event) implements TwilioInbound {
    }
}
