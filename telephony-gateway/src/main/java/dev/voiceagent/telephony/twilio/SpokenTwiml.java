package dev.voiceagent.telephony.twilio;

import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import java.util.Optional;

/** TwiML that tells the caller something in a chosen voice, then dials a number or hangs up. */
public final class SpokenTwiml {

    private SpokenTwiml() {
    }

    /**
     * {@code <Response><Say voice>message</Say><Dial>number</Dial></Response>}, or {@code <Hangup/>} without a number.
     *
     * @param message what is said, or null to say nothing
     * @param voice any voice Twilio offers (e.g. {@code Polly.Joanna-Neural}), or empty for Twilio's default; set as
     *        the attribute it is, since the SDK's enum of voices lags behind Twilio's
     */
    public static String sayThen(String message, Optional<String> voice, Optional<String> dialNumber) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        if (message != null) {
            Say.Builder say = new Say.Builder(message);
            voice.filter(name -> !name.isBlank()).ifPresent(name -> say.option("voice", name));
            response.say(say.build());
        }
        dialNumber.ifPresentOrElse(number -> response.dial(new Dial.Builder(number).build()),
                () -> response.hangup(new Hangup.Builder().build()));
        try {
            return response.build().toXml();
        } catch (TwiMLException e) {
            throw new IllegalStateException("cannot render TwiML", e);
        }
    }
}
