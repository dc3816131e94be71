package dev.voiceagent.telephony.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voiceagent.testsupport.twilio.DialTwiml;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The transfer's TwiML, read back the way Twilio (the fake) reads it. */
class TransferTwimlTest {

    private static final URI ACTION = URI.create("https://voice.example.com/transfer/dial-result?t=abc.def");
    private static final URI WHISPER = URI.create("https://voice.example.com/transfer/whisper?w=ghi.jkl");

    @Test
    void aColdTransferDialsTheNumberAndReportsToTheAbsoluteActionUrl() {
        DialTwiml dial = DialTwiml.parse(TransferTwiml.dial(new TransferTarget.Number("+15005550006"), ACTION, null,
                25, null));
        assertThat(dial).isEqualTo(new DialTwiml("Dial", ACTION.toString(), "POST", 25,
                java.util.List.of(new DialTwiml.Party("Number", "+15005550006", null))));
    }

    @Test
    void aWarmTransferGivesThePersonTheWhisperFirst() {
        DialTwiml number = DialTwiml.parse(TransferTwiml.dial(new TransferTarget.Number("+15005550006"), ACTION,
                WHISPER, 30, "+18005550199"));
        DialTwiml sip = DialTwiml.parse(TransferTwiml.dial(new TransferTarget.Sip("sip:desk@pbx.example.com"),
                ACTION, WHISPER, 30, null));
        assertThat(number.parties()).containsExactly(new DialTwiml.Party("Number", "+15005550006", WHISPER.toString()));
        assertThat(sip.parties()).containsExactly(new DialTwiml.Party("Sip", "sip:desk@pbx.example.com",
                WHISPER.toString()));
        assertThat(TransferTwiml.dial(new TransferTarget.Number("+15005550006"), ACTION, WHISPER, 30, "+18005550199"))
                .contains("callerId=\"+18005550199\"");
    }

    @Test
    void aQueueTargetEnqueuesTheCaller() {
        DialTwiml enqueue = DialTwiml.parse(TransferTwiml.dial(new TransferTarget.Queue("support"), ACTION, null, 30,
                null));
        assertThat(enqueue.verb()).isEqualTo("Enqueue");
        assertThat(enqueue.action()).isEqualTo(ACTION.toString());
        assertThat(enqueue.parties()).containsExactly(new DialTwiml.Party("Queue", "support", null));
    }

    @Test
    void thePersonHearsTheSummaryAndTheXmlIsEscaped() {
        assertThat(TransferTwiml.whisper("A call: Alex <VIP> & co. wants a refund."))
                .contains("<Say>A call: Alex &lt;VIP&gt; &amp; co. wants a refund.</Say>");
    }

    @Test
    void targetsAreNumbersSipAddressesOrQueuesAndAMalformedOneNamesItself() {
        TransferConfig config = TestTransferConfig.with(Optional.of("+15005550006"),
                java.util.Map.of("billing", "sip:billing@pbx.example.com", "support", "queue:support"));
        TransferTargets targets = new TransferTargets(config);
        assertThat(targets.resolve(null)).contains(new TransferTarget.Number("+15005550006"));
        assertThat(targets.resolve("billing")).contains(new TransferTarget.Sip("sip:billing@pbx.example.com"));
        assertThat(targets.resolve("support")).contains(new TransferTarget.Queue("support"));
        assertThat(targets.resolve("sales")).as("an unconfigured name goes to the default")
                .contains(new TransferTarget.Number("+15005550006"));
        assertThatThrownBy(() -> new TransferTargets(TestTransferConfig.with(Optional.of("555-0100"), java.util.Map.of())))
                .hasMessageContaining("voice.transfer.target").hasMessageContaining("555-0100");
        assertThat(new TransferTarget.Number("+15005550006").describe()).isEqualTo("number +1500*****06");
    }
}
