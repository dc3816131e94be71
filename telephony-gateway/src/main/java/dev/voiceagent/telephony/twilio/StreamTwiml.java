package dev.voiceagent.telephony.twilio;

import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Connect;
import com.twilio.twiml.voice.Parameter;
import com.twilio.twiml.voice.Stream;
import java.net.URI;
import java.util.Map;

/** The TwiML answer to a call: connect a bidirectional media stream, carrying call facts as parameters. */
public final class StreamTwiml {

    private StreamTwiml() {
    }

    /** {@code <Response><Connect><Stream url><Parameter/>…</Stream></Connect></Response>}; null values are left out. */
    public static String connect(URI mediaStreamUrl, Map<String, String> parameters) {
        Stream.Builder stream = new Stream.Builder().url(mediaStreamUrl.toString());
        parameters.forEach((name, value) -> {
            if (value != null) {
                stream.parameter(new Parameter.Builder().name(name).value(value).build());
            }
        });
        try {
            return new VoiceResponse.Builder().connect(new Connect.Builder().stream(stream.build()).build())
                    .build().toXml();
        } catch (TwiMLException e) {
            throw new IllegalStateException("cannot render TwiML", e);
        }
    }
}
