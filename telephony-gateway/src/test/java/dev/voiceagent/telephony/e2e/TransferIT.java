package dev.voiceagent.telephony.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.testsupport.twilio.DialTwiml;
import dev.voiceagent.testsupport.twilio.FakeTwilioRest;
import dev.voiceagent.testsupport.twilio.TwilioCallSimulator;
import dev.voiceagent.testsupport.twilio.TwilioCallbacks;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A caller handed to a person, end to end through the packaged services: the model calls transfer_to_human, the
 * caller hears its line, the gateway moves the live call with the REST API (the fake of Twilio's), Twilio stops the
 * stream; cold, warm (the person hears the summary), unanswered (the caller is back with the agent, which hears why),
 * refused by Twilio (the agent says so), and a forged action callback refused.
 */
class TransferIT {

    private static final String ARGUMENTS = "{\"reason\":\"wants a person\",\"summary\":\"Alex wants to cancel "
            + "booking HTL-4821; I explained the cancellation fee.\"}";

    private static TransferSystem system;
    private static int nextCaller = 200;

    @BeforeAll
    static void start() throws Exception {
        system = new TransferSystem();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    private static synchronized String newCaller() {
        return "+1415555" + String.format("%04d", nextCaller++);
    }

    private static <T> T result(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    /** A call Twilio runs (the fake knows it), answered and greeted; Twilio stops its stream when it is moved. */
    private static TwilioCallSimulator answered(FakeTwilioRest twilio, String from, String callSid,
            AtomicLong unplayedAtMove) throws Exception {
        TwilioCallSimulator call = system.stream(twilio == system.coldTwilio ? system.cold : system.warm, from,
                callSid, 1);
        twilio.callInProgress(callSid, from, "+18005550199");
        twilio.onRedirected(callSid, () -> {
            unplayedAtMove.set(call.receivedAudio().length - call.playedAudio().length);
            call.hangUp(); // Twilio stops the stream as the new TwiML runs: stop, then the socket closes
        });
        result(call.placeCall());
        await().until(() -> call.playedMs() >= 200);
        return call;
    }

    /** The model asks for a person; returns once Twilio has the call's new TwiML. */
    private static DialTwiml transferred(FakeTwilioRest twilio, String from, String callSid, TwilioCallSimulator call) {
        FakeRealtimeSession upstream = system.sessionOf(from, 0);
        int heardBefore = call.receivedAudio().length;
        upstream.functionCall("transfer_to_human", ARGUMENTS);
        String twiml = await().atMost(Duration.ofSeconds(20))
                .until(() -> twilio.call(callSid).orElseThrow().twiml(), t -> t != null);
        assertThat(call.receivedAudio().length).as("the agent's line reached the caller first")
                .isGreaterThan(heardBefore);
        await().until(call::isClosed);
        await().until(() -> !upstream.isOpen());
        return DialTwiml.parse(twiml);
    }

    @Test
    void aColdTransferMovesTheCallAfterTheLineHasPlayed() throws Exception {
        String from = newCaller();
        String callSid = "CA" + "c0".repeat(16);
        AtomicLong unplayed = new AtomicLong(-1);
        TwilioCallSimulator call = answered(system.coldTwilio, from, callSid, unplayed);

        DialTwiml dial = transferred(system.coldTwilio, from, callSid, call);

        assertThat(unplayed.get()).as("nothing of the line was cut").isZero();
        assertThat(dial.parties()).containsExactly(new DialTwiml.Party("Number", TransferSystem.PERSON, null));
        assertThat(URI.create(dial.action()).getHost()).isEqualTo(TransferSystem.HOST);
        assertThat(system.coldTwilio.requestsFor(callSid)).singleElement()
                .satisfies(r -> assertThat(r.params()).containsOnlyKeys("Twiml"));
        TwilioCallbacks.Answer ended = result(system.coldTwilio.dialEnded(callSid, "completed"));
        assertThat(ended.body()).contains("<Hangup/>");
        assertThat(system.metric(system.cold, "voice_gateway_transfers_total", "dialing")).isEqualTo(1);
        assertThat(system.metric(system.cold, "voice_gateway_calls_ended_total", "transferred")).isEqualTo(1);
        assertThat(call.violations()).isEmpty();
    }

    @Test
    void aWarmTransferTellsThePersonTheAgentsSummaryFirst() throws Exception {
        String from = newCaller();
        String callSid = "CA" + "a1".repeat(16);
        TwilioCallSimulator call = answered(system.warmTwilio, from, callSid, new AtomicLong());

        DialTwiml dial = transferred(system.warmTwilio, from, callSid, call);
        assertThat(dial.parties().get(0).whisperUrl()).startsWith("https://" + TransferSystem.HOST + "/transfer/whisper");
        TwilioCallbacks.Answer whisper = result(system.warmTwilio.whisper(callSid));

        assertThat(whisper.status()).isEqualTo(200);
        assertThat(whisper.body()).contains("<Say>A call from the voice assistant. Alex wants to cancel booking "
                + "HTL-4821; I explained the cancellation fee. Reason: wants a person.</Say>");
        assertThat(result(system.warmTwilio.dialEnded(callSid, "completed")).body()).contains("<Hangup/>");
    }

    @Test
    void aCallerThePersonDidNotAnswerIsBackWithTheAgentWhichHearsWhy() throws Exception {
        String from = newCaller();
        String callSid = "CA" + "b2".repeat(16);
        TwilioCallSimulator first = answered(system.coldTwilio, from, callSid, new AtomicLong());
        transferred(system.coldTwilio, from, callSid, first);

        TwilioCallbacks.Answer answer = result(system.coldTwilio.dialEnded(callSid, "no-answer"));
        TwilioCallSimulator back = system.stream(system.cold, from, callSid, 2);
        result(back.follow(answer.body()));

        FakeRealtimeSession resumed = system.sessionOf(from, 1);
        JsonNode note = await().atMost(Duration.ofSeconds(20)).until(() -> resumed.createdItems().stream()
                .filter(item -> item.path("role").asText().equals("system")).findFirst().orElse(null), n -> n != null);
        assertThat(note.path("content").path(0).path("text").asText()).contains("nobody answered");
        assertThat(resumed.createdItems()).as("the conversation so far, before the note").anyMatch(item ->
                item.path("type").asText().equals("function_call")
                        && item.path("name").asText().equals("transfer_to_human"));
        await().until(() -> back.receivedAudio().length > 0); // the agent speaks to the caller again
        assertThat(back.streamParameters()).containsEntry("handoff", "no-answer").containsKey("resume");
        assertThat(system.metric(system.cold, "voice_gateway_transfers_total", "no_answer")).isEqualTo(1);
        back.hangUp();
        assertThat(resumed.violations()).isEmpty();
    }

    @Test
    void aMoveTwilioRefusesIsToldToTheAgentAndTheCallGoesOn() throws Exception {
        String from = newCaller();
        String callSid = "CA" + "d3".repeat(16);
        // A call Twilio's API does not know (another account's, say): the update is refused with 20404.
        TwilioCallSimulator call = system.stream(system.cold, from, callSid, 1);
        result(call.placeCall());
        await().until(() -> call.playedMs() >= 200);
        FakeRealtimeSession upstream = system.sessionOf(from, 0);
        int heard = call.receivedAudio().length;

        upstream.functionCall("transfer_to_human", ARGUMENTS);

        JsonNode note = await().atMost(Duration.ofSeconds(20)).until(() -> upstream.createdItems().stream()
                .filter(item -> item.path("role").asText().equals("system")).findFirst().orElse(null), n -> n != null);
        assertThat(note.path("content").path(0).path("text").asText()).contains("could not be connected");
        assertThat(system.coldTwilio.requestsFor(callSid)).singleElement()
                .satisfies(r -> assertThat(r.errorCode()).isEqualTo(20404));
        // The agent's line (200 ms of mu-law from the fake), then what it tells the caller after the failure.
        await().until(() -> call.receivedAudio().length >= heard + 2 * 1600);
        assertThat(call.isClosed()).isFalse();
        assertThat(upstream.isOpen()).isTrue();
        assertThat(system.metric(system.cold, "voice_gateway_transfers_total", "rest_failed")).isPositive();
        call.hangUp();
    }

    @Test
    void aForgedDialActionIsRefused() throws Exception {
        String callSid = "CA" + "e4".repeat(16);
        String from = newCaller();
        TwilioCallSimulator call = answered(system.coldTwilio, from, callSid, new AtomicLong());
        DialTwiml dial = transferred(system.coldTwilio, from, callSid, call);
        Map<String, String> params = system.coldTwilio.standardParams(callSid, from, "+18005550199", "in-progress",
                "inbound");
        params.put("DialCallStatus", "no-answer");
        TwilioCallbacks forger = new TwilioCallbacks(system.vertx, "not-the-auth-token", publicUrl -> URI.create(
                "http://127.0.0.1:" + system.cold.port() + publicUrl.getRawPath() + "?" + publicUrl.getRawQuery()));

        TwilioCallbacks.Answer forged = result(forger.post(dial.action(), params));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).as("no TwiML, no resume token for a forger").doesNotContain("resume");
        assertThat(result(forger.post(dial.action(), params, null)).status()).isEqualTo(403);
        params.put("CallSid", "CA" + "f5".repeat(16)); // genuinely signed, but the token names another call
        TwilioCallbacks twilio = new TwilioCallbacks(system.vertx, TransferSystem.AUTH_TOKEN, publicUrl -> URI.create(
                "http://127.0.0.1:" + system.cold.port() + publicUrl.getRawPath() + "?" + publicUrl.getRawQuery()));
        assertThat(result(twilio.post(dial.action(), params)).status()).isEqualTo(403);
        assertThat(system.metric(system.cold, "voice_gateway_signature_failures_total", "dial-result")).isEqualTo(2);
        assertThat(system.metric(system.cold, "voice_gateway_bad_input_total", "transfer_token")).isEqualTo(1);

    }
}
