package dev.voiceagent.testsupport.twilio;

import java.util.Map;

/**
 * Plays Twilio's side of a call the application placed ({@code POST /Calls.json}), as Twilio does it: status
 * callbacks only for the events the call asked for ({@code StatusCallbackEvent}), with Twilio's {@code CallStatus}
 * for each; once answered, the TwiML fetched from the call's {@code Url} with {@code Direction=outbound-api}; the
 * asynchronous answering-machine verdict ({@code AnsweredBy}) only when the call asked for detection. Every request
 * is signed with {@code X-Twilio-Signature} over the URL the application gave.
 */
public final class PlacedCall {

    private final FakeTwilioRest twilio;
    private final FakeCall call;
    private final TwilioCallbacks callbacks;
    private int sequence;

    PlacedCall(FakeTwilioRest twilio, FakeCall call, TwilioCallbacks callbacks) {
        if (call == null || call.placedWith("To") == null) {
            throw new IllegalArgumentException("no call was placed with that SID");
        }
        if (callbacks == null) {
            throw new IllegalStateException("routeCallbacks first: Twilio's requests need somewhere to go");
        }
        this.twilio = twilio;
        this.call = call;
        this.callbacks = callbacks;
    }

    public FakeCall call() {
        return call;
    }

    /** {@code initiated} and {@code ringing}: their status callbacks, when asked for. */
    public PlacedCall rings() {
        event("initiated", "initiated", Map.of());
        event("ringing", "ringing", Map.of());
        return this;
    }

    /**
     * Someone (or something) picks up: the call is in progress, Twilio fetches its TwiML from the {@code Url}, and
     * the {@code answered} status callback follows. Returns the application's answer (its TwiML).
     */
    public TwilioCallbacks.Answer answer() {
        call.status("in-progress");
        TwilioCallbacks.Answer answer = join(callbacks.post(call.placedWith("Url"), params("in-progress")));
        call.instructions(answer.body(), call.placedWith("Url"));
        event("answered", "in-progress", Map.of());
        return answer;
    }

    /** The asynchronous answering-machine verdict: {@code human}, {@code machine_end_beep}, {@code fax}, ... */
    public TwilioCallbacks.Answer answeredBy(String answeredBy) {
        String url = call.placedWith("AsyncAmdStatusCallback");
        if (!"true".equals(call.placedWith("AsyncAmd")) || url == null || call.placedWith("MachineDetection") == null) {
            throw new IllegalStateException("the call did not ask for asynchronous answering-machine detection");
        }
        Map<String, String> params = Map.of("AccountSid", twilio.accountSid(), "CallSid", call.sid(),
                "AnsweredBy", answeredBy, "MachineDetectionDuration", "4230");
        return join(callbacks.post(url, params));
    }

    /** The call ends after {@code seconds}: the {@code completed} status callback, when asked for. */
    public PlacedCall completes(int seconds) {
        call.status("completed");
        event("completed", "completed", Map.of("CallDuration", Integer.toString(seconds)));
        return this;
    }

    /** The callback of a status event, signed, if the call asked for it. */
    private void event(String event, String status, Map<String, String> extra) {
        String url = call.placedWith("StatusCallback");
        if (url == null || !call.placedWithAll("StatusCallbackEvent").contains(event)) {
            return;
        }
        Map<String, String> params = params(status);
        params.putAll(extra);
        params.put("CallbackSource", "call-progress-events");
        params.put("SequenceNumber", Integer.toString(sequence++));
        TwilioCallbacks.Answer answer = join(callbacks.post(url, params));
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("the status callback for " + event + " was answered " + answer.status());
        }
    }

    private Map<String, String> params(String status) {
        return twilio.standardParams(call.sid(), call.from(), call.to(), status, "outbound-api");
    }

    private static TwilioCallbacks.Answer join(io.vertx.core.Future<TwilioCallbacks.Answer> answer) {
        return answer.toCompletionStage().toCompletableFuture().join();
    }
}
