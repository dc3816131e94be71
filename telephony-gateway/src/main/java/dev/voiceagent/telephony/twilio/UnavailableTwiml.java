package dev.voiceagent.telephony.twilio;

import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;

/**
 * The TwiML answer to a call that no core can take: an apology and a hang-up, or the call dialled on to a
 * fallback number. Never a media stream that would die at once.
 */
public final class UnavailableTwiml {

    private UnavailableTwiml() {
    }

    /** {@code <Response><Say>message</Say><Hangup/></Response>} */
    public static String apologise(String message) {
        return render(new VoiceResponse.Builder().say(new Say.Builder(message).build())
                .hangup(new Hangup.Builder().build()));
    }

    /** {@code <Response><Dial>number</Dial></Response>} */
    public static String dial(String number) {
        return render(new VoiceResponse.Builder().dial(new Dial.Builder(number).build()));
    }

    private static String render(VoiceResponse.Builder response) {
        try {
            return response.build().toXml();
        } catch (TwiMLException e) {
            throw new IllegalStateException("cannot render TwiML", e);
        }
    }
}
