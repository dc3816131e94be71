package dev.voiceagent.telephony.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voiceagent.telephony.call.TransferPort;
import dev.voiceagent.telephony.metrics.GatewayMetrics;
import dev.voiceagent.telephony.twilio.TwilioConfig;
import dev.voiceagent.telephony.twilio.rest.TwilioRest;
import dev.voiceagent.testsupport.twilio.DialTwiml;
import dev.voiceagent.testsupport.twilio.FakeTwilioRest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Moving a call with the REST API, against the fake of Twilio's: the request Twilio gets, and each outcome. */
class TwilioTransfersTest {

    private static final String ACCOUNT = "AC" + "2".repeat(32);
    private static final String TOKEN = "transfers-test-auth-token";
    private static final TransferPort.Transfer TRANSFER = new TransferPort.Transfer("CA200", "+14155550100",
            "wants a person", "Alex wants to cancel HTL-4821.", null, "resume-token-1");

    private final Vertx vertx = Vertx.vertx();
    private final FakeTwilioRest twilio = FakeTwilioRest.start(vertx, ACCOUNT, TOKEN);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TwilioConfig twilioConfig = new SmallRyeConfigBuilder().withMapping(TwilioConfig.class)
            .withConverter(Duration.class, 100, new DurationConverter())
            .withSources(new PropertiesConfigSource(Map.of("twilio.media-stream-url",
                    "wss://voice.example.com/media-stream"), "test", 500)).build().getConfigMapping(TwilioConfig.class);
    private final TransferTokens tokens = new TransferTokens(Optional.of(TOKEN));

    @AfterEach
    void stop() {
        twilio.close();
        vertx.close();
    }

    private TwilioTransfers transfers(Map<String, String> transferConfig, boolean restConfigured) {
        TransferConfig config = TestTransferConfig.with(transferConfig);
        TwilioRest rest = new TwilioRest(vertx, TwilioRest.client(Optional.of(ACCOUNT),
                restConfigured ? Optional.of(TOKEN) : Optional.empty(), twilio.baseUrl(), Duration.ofSeconds(5)));
        return new TwilioTransfers(rest, config, new TransferTargets(config), tokens, new GatewayMetrics(registry),
                twilioConfig);
    }

    private static void await(Future<Void> move) throws Exception {
        move.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private double outcome(String label) {
        var counter = registry.find("voice.gateway.transfers").tag("outcome", label).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theLiveCallGetsADialToTheTargetWhoseActionCarriesTheCallsResumeToken() throws Exception {
        twilio.callInProgress("CA200", "+14155550100", "+18005550199");
        await(transfers(Map.of("voice.transfer.target", "+15005550006", "voice.transfer.dial-timeout", "20s"), true)
                .move(TRANSFER));

        DialTwiml dial = DialTwiml.parse(twilio.call("CA200").orElseThrow().twiml());
        assertThat(dial.parties()).containsExactly(new DialTwiml.Party("Number", "+15005550006", null));
        assertThat(dial.timeoutSeconds()).isEqualTo(20);
        URI action = URI.create(dial.action());
        assertThat(action.getHost()).isEqualTo("voice.example.com");
        assertThat(action.getPath()).isEqualTo("/transfer/dial-result");
        assertThat(tokens.readDial(action.getQuery().substring(2)))
                .contains(new TransferTokens.Dial("CA200", "resume-token-1"));
        assertThat(outcome("dialing")).isEqualTo(1);
    }

    @Test
    void aWarmTransferWhispersTheAgentsSummaryCutToFit() throws Exception {
        twilio.callInProgress("CA200", "+14155550100", "+18005550199");
        Map<String, String> config = new HashMap<>(Map.of("voice.transfer.target", "sip:desk@pbx.example.com",
                "voice.transfer.warm", "true", "voice.transfer.max-summary-chars", "12"));
        await(transfers(config, true).move(TRANSFER));

        String whisperUrl = DialTwiml.parse(twilio.call("CA200").orElseThrow().twiml()).parties().get(0).whisperUrl();
        assertThat(URI.create(whisperUrl).getPath()).isEqualTo("/transfer/whisper");
        assertThat(tokens.readWhisper(URI.create(whisperUrl).getQuery().substring(2))).contains(
                new TransferTokens.Whisper("CA200", "A call from the voice assistant. Alex wants t… Reason: wants a person."));
    }

    @Test
    void withoutRestCredentialsTheTransferIsOnlyLoggedAndTheAgentToldItFailed() {
        assertThatThrownBy(() -> await(transfers(Map.of("voice.transfer.target", "+15005550006"), false)
                .move(TRANSFER))).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("transfers are not configured");
        assertThat(twilio.requests()).isEmpty();
        assertThat(outcome("dry_run")).isEqualTo(1);
    }

    @Test
    void aCallTwilioNoLongerRunsOrNoTargetFailsTheMoveWithWordsForTheAgent() {
        twilio.callInProgress("CA200", "+14155550100", "+18005550199");
        twilio.call("CA200").orElseThrow();
        assertThatThrownBy(() -> await(transfers(Map.of("voice.transfer.target", "+15005550006"), true)
                .move(new TransferPort.Transfer("CA404", null, "r", "s", null, null))))
                .hasMessageContaining("could not be moved");
        assertThat(twilio.requestsFor("CA404")).singleElement().satisfies(r -> assertThat(r.errorCode()).isEqualTo(20404));
        assertThat(outcome("rest_failed")).isEqualTo(1);

        assertThatThrownBy(() -> await(transfers(Map.of(), true).move(TRANSFER)))
                .hasMessageContaining("no person can be reached");
        assertThat(outcome("no_target")).isEqualTo(1);
    }

    @Test
    void twilioUnreachableFailsTheMoveWithoutAHang() {
        TwilioTransfers unreachable = transfers(Map.of("voice.transfer.target", "+15005550006"), true);
        twilio.close();
        assertThatThrownBy(() -> await(unreachable.move(TRANSFER))).hasMessageContaining("could not be moved");
        assertThat(outcome("rest_failed")).isEqualTo(1);
    }
}
