package dev.voiceagent.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Whatever a client sends, the codec either reads a message or refuses the text with an IOException (which the call
 * counts as malformed); no other exception may escape to the websocket layer. Text from the websocket is never
 * null, hence {@code @NotNull}.
 */
class TwilioCodecFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void anyTextIsReadOrRefusedAsMalformed(@NotNull String text) {
        try {
            TwilioInbound message = TwilioCodec.parse(text);
            assertThat(message).isNotNull();
        } catch (IOException refused) {
            // malformed: counted by the call, the stream goes on
        }
    }

    @FuzzTest(maxDuration = "10m")
    void whatTheGatewayWritesTwilioReadsBack(@NotNull String streamSid, @NotNull String markName) throws IOException {
        String sid = streamSid.replaceAll("[^A-Za-z0-9]", "");
        TwilioInbound mark = TwilioCodec.parse(TwilioCodec.mark(sid, markName));
        assertThat(mark).isEqualTo(new TwilioInbound.Mark(markName));
        TwilioInbound media = TwilioCodec.parse(TwilioCodec.media(sid, Buffer.buffer("AAAA")));
        assertThat(media).isEqualTo(new TwilioInbound.Media("inbound", "AAAA"));
    }
}
