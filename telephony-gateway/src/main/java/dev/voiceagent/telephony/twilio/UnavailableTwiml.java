package dev.voiceagent.telephony.twilio;

import dev.voiceagent.telephony.core.CoreLinkConfig;

/**
 * The TwiML for a call the AI cannot answer (no core can take it, or the model refuses a session): the caller is
 * told so in the configured voice, then the call is dialled on to the fallback number or hung up. Never a media
 * stream that would die at once.
 */
public final class UnavailableTwiml {

    private UnavailableTwiml() {
    }

    /** What the caller gets: {@code dial} (a fallback number is configured) or {@code apology} (a hang-up). */
    public static String answer(CoreLinkConfig.Unavailable config) {
        return config.fallbackNumber().isPresent() ? "dial" : "apology";
    }

    /**
     * {@code <Response><Say voice>dial-message</Say><Dial>number</Dial></Response>} with a fallback number,
     * otherwise {@code <Response><Say voice>message</Say><Hangup/></Response>}.
     */
    public static String render(CoreLinkConfig.Unavailable config) {
        String message = config.fallbackNumber().isPresent() ? config.dialMessage() : config.message();
        return SpokenTwiml.sayThen(message, config.voice(), config.fallbackNumber());
    }
}
