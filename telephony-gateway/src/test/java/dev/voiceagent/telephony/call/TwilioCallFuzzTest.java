package dev.voiceagent.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.voiceagent.session.SessionMessage;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Set;

/**
 * Any sequence of Twilio messages, core messages (a transfer to a person among them, moved or refused) and time: the call never throws, closes the stream at most once
 * with a documented code, and sends Twilio nothing after closing.
 */
class TwilioCallFuzzTest {

    private static final Set<Integer> DOCUMENTED_CLOSE_CODES = Set.of(1000, 1001, 1003, 1008, 1009, 1011);

    @FuzzTest(maxDuration = "10m")
    void anyInputEndsCleanlyOrGoesOn(FuzzedDataProvider data) {
        CallHarness h = new CallHarness();
        String ticket = h.tickets.issue(CallHarness.CALL_SID).orElseThrow();
        boolean coreAsked = false;
        while (data.remainingBytes() > 0) {
            switch (data.consumeInt(0, 13)) {
                case 0 -> h.call.onTwilioText(CallHarness.start(ticket));
                case 1 -> h.call.onTwilioText(CallHarness.media(data.consumeInt(0, 255)));
                case 2 -> h.call.onTwilioText(CallHarness.mark(data.consumeAsciiString(40)));
                case 3 -> h.call.onTwilioText(CallHarness.dtmf(data.consumeAsciiString(2)));
                case 4 -> h.call.onTwilioText(data.consumeString(200));
                case 5 -> h.clock.advanceMillis(data.consumeLong(0, 20_000));
                case 6 -> h.call.onMessage(new SessionMessage.AudioItem(data.consumeAsciiString(8), "resp"));
                case 7 -> h.call.onAudio(Buffer.buffer(CallHarness.audio(data.consumeInt(0, 2000))));
                case 8 -> h.call.onMessage(new SessionMessage.SpeechStarted("in"));
                case 9 -> h.call.onMessage(new SessionMessage.End("goodbye"));
                case 10 -> {
                    if (h.core.start() != null && !coreAsked) {
                        coreAsked = true;
                        h.core.answer();
                    }
                }
                case 11 -> h.call.onMessage(new SessionMessage.HandoffHuman("wants a person", "summary", null));
                case 12 -> {
                    if (h.transfers.hasPending()) {
                        if (data.consumeBoolean()) {
                            h.transfers.moved();
                        } else {
                            h.transfers.refused("refused");
                        }
                    }
                }
                default -> h.call.onTwilioText(CallHarness.stop());
            }
        }
        List<FakeTwilioSocket.ToTwilio> sent = h.twilio.events();
        List<FakeTwilioSocket.ToTwilio> closes = sent.stream().filter(FakeTwilioSocket.Closed.class::isInstance)
                .toList();
        assertThat(closes).hasSizeLessThanOrEqualTo(1);
        closes.forEach(close -> assertThat(DOCUMENTED_CLOSE_CODES).contains(((FakeTwilioSocket.Closed) close).code()));
        if (!closes.isEmpty()) {
            assertThat(sent.get(sent.size() - 1)).as("nothing after the close").isEqualTo(closes.get(0));
        }
    }
}
