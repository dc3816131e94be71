package dev.voiceagent.telephony.transfer;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Say;
import com.twilio.twiml.voice.Sip;
import java.net.URI;

/**
 * The TwiML of a transfer, built with the Twilio SDK: the {@code <Dial>} that moves the live call (its action URL
 * absolute, as TwiML given through the REST API needs; the person's whisper URL for a warm transfer), or an
 * {@code <Enqueue>} for a queue; the whisper itself; and the hang-up after a dial that reached the person.
 */
final class TransferTwiml {

    private TransferTwiml() {
    }

    /**
     * @param action where Twilio reports how the dial ended
     * @param whisper the TwiML the person hears first, or null for a cold transfer
     */
    static String dial(TransferTarget target, URI action, URI whisper, int timeoutSeconds, String callerId) {
        if (target instanceof TransferTarget.Queue queue) {
            return render(new VoiceResponse.Builder().enqueue(new Enqueue.Builder(queue.name()).action(action)
                    .method(HttpMethod.POST).build()));
        }
        Dial.Builder dial = new Dial.Builder().action(action).method(HttpMethod.POST).timeout(timeoutSeconds);
        if (callerId != null) {
            dial.callerId(callerId);
        }
        switch (target) {
            case TransferTarget.Number number -> {
                Number.Builder noun = new Number.Builder(number.e164());
                if (whisper != null) {
                    noun.url(whisper).method(HttpMethod.POST);
                }
                dial.number(noun.build());
            }
            case TransferTarget.Sip sip -> {
                Sip.Builder noun = new Sip.Builder(sip.uri());
                if (whisper != null) {
                    noun.url(whisper).method(HttpMethod.POST);
                }
                dial.sip(noun.build());
            }
            case TransferTarget.Queue queue -> throw new IllegalStateException("queues are enqueued");
        }
        return render(new VoiceResponse.Builder().dial(dial.build()));
    }

    /** What the person hears before being connected. */
    static String whisper(String text) {
        return render(new VoiceResponse.Builder().say(new Say.Builder(text).build()));
    }

    static String hangUp() {
        return render(new VoiceResponse.Builder().hangup(new Hangup.Builder().build()));
    }

    private static String render(VoiceResponse.Builder response) {
        try {
            return response.build().toXml();
        } catch (TwiMLException e) {
            throw new IllegalStateException("cannot render TwiML", e);
        }
    }
}
