package dev.voiceagent.telephony.twilio;

import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
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
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        String message = config.fallbackNumber().isPresent() ? config.dialMessage() : config.message();
        Say.Builder say = new Say.Builder(message);
        // Any voice Twilio offers (e.g. Polly.Joanna-Neural): the SDK's enum lags behind, so the attribute is set as is.
        config.voice().filter(voice -> !voice.isBlank()).ifPresent(voice -> say.option("voice", voice));
        response.say(say.build());
        config.fallbackNumber().ifPresentOrElse(number -> response.dial(new Dial.Builder(number).build()),
                () -> response.hangup(new Hangup.Builder().build()));
        try {
            return response.build().toXml();
        } catch (TwiMLException e) {
            throw new IllegalStateException("cannot render TwiML", e);
        }
    }
}
