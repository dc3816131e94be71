package dev.voiceagent.telephony.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.telephony.twilio.rest.RestAgainstFake;
import dev.voiceagent.testsupport.twilio.FakeTwilioRest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the gateway asks of Twilio's REST API for outbound calls, against the strict fake through the SDK: the call
 * placed with its callbacks and detection, and the answering machine's verdict acted on.
 */
class TwilioSideTest {

    private static final String ACCOUNT = "AC" + "2".repeat(32);
    private static final String TOKEN = "outbound-rest-test-token";

    private final Vertx vertx = Vertx.vertx();
    private final FakeTwilioRest twilio = FakeTwilioRest.start(vertx, ACCOUNT, TOKEN);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OutboundMetrics metrics = new OutboundMetrics(registry);
    private final CallLog log = new CallLog(100, Clock.systemUTC());
    private final OutboundCallbacks callbacks = new OutboundCallbacks(URI.create("https://voice.example.com"));

    @AfterEach
    void stop() {
        twilio.close();
        vertx.close();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private CallPlacer placer(String token) {
        return new CallPlacer(RestAgainstFake.of(vertx, twilio, token), callbacks, metrics, log);
    }

    private AnsweringMachines machines() {
        record Machine(String message, int maxMessageChars, Optional<String> voice)
                implements OutboundConfig.AnsweringMachine {
        }
        OutboundConfig config = new OutboundConfig() {
            public Optional<List<String>> tokens() {
                return Optional.empty();
            }

            public List<String> agents() {
                return List.of("front_desk_phone");
            }

            public Optional<List<String>> fromNumbers() {
                return Optional.empty();
            }

            public int maxContextBytes() {
                return 2048;
            }

            public int recordedCalls() {
                return 100;
            }

            public AnsweringMachine answeringMachine() {
                return new Machine("unused", 500, Optional.of("Polly.Joanna-Neural"));
            }
        };
        return new AnsweringMachines(RestAgainstFake.of(vertx, twilio, TOKEN), log, metrics, config);
    }

    private static final OutboundCall.OnMachine LEAVE = new OutboundCall.OnMachine("leave_message", "Call us back.");

    @Test
    void aCallIsPlacedWithItsAnswerUrlStatusCallbacksAndDetection() throws Exception {
        OutboundCall call = new OutboundCall("+14155550100", "+18005550199", "front_desk_phone", "Remind Jane",
                Optional.of(LEAVE));
        CallPlacer.Placed placed = (CallPlacer.Placed) await(placer(TOKEN).place(call));

        assertThat(placed.status()).isEqualTo("queued");
        assertThat(log.latest(placed.sid())).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo("queued"));
        FakeTwilioRest.Request request = twilio.requests().getFirst();
        assertThat(request.status()).isEqualTo(201);
        assertThat(request.param("To")).isEqualTo("+14155550100");
        assertThat(request.param("From")).isEqualTo("+18005550199");
        assertThat(request.param("Url")).isEqualTo(callbacks.answerUrl(call).toString());
        assertThat(request.param("FallbackUrl")).isEqualTo(request.param("Url"));
        assertThat(request.param("StatusCallback")).isEqualTo("https://voice.example.com/outbound-call/status");
        assertThat(request.params().get("StatusCallbackEvent"))
                .containsExactly("initiated", "ringing", "answered", "completed");
        assertThat(request.param("MachineDetection")).isEqualTo("DetectMessageEnd");
        assertThat(request.param("AsyncAmd")).isEqualTo("true");
        assertThat(request.param("AsyncAmdStatusCallback")).isEqualTo(callbacks.machineUrl(LEAVE).toString());
        assertThat(registry.counter("voice.gateway.outbound.calls", "outcome", "placed").count()).isEqualTo(1);
    }

    @Test
    void withoutDetectionNoneIsAskedForAndARefusalIsReported() throws Exception {
        OutboundCall call = new OutboundCall("+14155550100", "+18005550199", "front_desk_phone", null,
                Optional.empty());
        assertThat(await(placer(TOKEN).place(call))).isInstanceOf(CallPlacer.Placed.class);
        assertThat(twilio.requests().getFirst().params()).doesNotContainKeys("MachineDetection", "AsyncAmd",
                "AsyncAmdStatusCallback");

        CallPlacer.Refused refused = (CallPlacer.Refused) await(placer("not-the-token").place(call));
        assertThat(refused.status()).isEqualTo(502);
        assertThat(registry.counter("voice.gateway.outbound.calls", "outcome", "failed").count()).isEqualTo(1);
    }

    @Test
    void aMachineGetsTheMessageAfterTheBeepInTheConfiguredVoiceThenAHangUp() throws Exception {
        twilio.callInProgress("CA200", "+18005550199", "+14155550100");
        await(machines().verdict("CA200", "machine_end_beep", LEAVE));
        assertThat(twilio.call("CA200").orElseThrow().twiml()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Response><Say voice=\"Polly.Joanna-Neural\">Call us back.</Say><Hangup/></Response>");
        assertThat(log.latest("CA200")).hasValueSatisfying(e -> assertThat(e.answeredBy()).isEqualTo("machine_end_beep"));
        assertThat(registry.counter("voice.gateway.outbound.answered.by", "answered_by", "machine_end_beep",
                "action", "message_left").count()).isEqualTo(1);
    }

    @Test
    void aMachineIsHungUpOnWhenAskedAndAPersonTalksToTheAgent() throws Exception {
        twilio.callInProgress("CA201", "+18005550199", "+14155550100");
        twilio.callInProgress("CA202", "+18005550199", "+14155550111");
        await(machines().verdict("CA201", "machine_end_silence", new OutboundCall.OnMachine("hang_up", null)));
        await(machines().verdict("CA202", "human", LEAVE));

        assertThat(twilio.call("CA201").orElseThrow().twiml()).endsWith("<Response><Hangup/></Response>");
        assertThat(twilio.requestsFor("CA202")).as("a person is left with the agent").isEmpty();
        assertThat(registry.counter("voice.gateway.outbound.answered.by", "answered_by", "human", "action", "talk")
                .count()).isEqualTo(1);
    }
}
