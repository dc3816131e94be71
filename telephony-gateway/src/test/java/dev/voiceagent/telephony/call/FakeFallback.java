package dev.voiceagent.telephony.call;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/** Twilio's REST API as a call's fallback sees it: records each hand-over; the test says whether Twilio took it. */
final class FakeFallback implements FallbackPort {

    record TakeOver(String callSid, String reason) {
    }

    private final List<TakeOver> requests = new ArrayList<>();
    private Promise<Boolean> pending;
    /** Null: the test answers each request with {@link #answer}; otherwise every request gets this at once. */
    private Boolean automatic = Boolean.FALSE;

    @Override
    public Future<Boolean> takeOver(String callSid, String reason) {
        requests.add(new TakeOver(callSid, reason));
        if (automatic != null) {
            return Future.succeededFuture(automatic);
        }
        pending = Promise.promise();
        return pending.future();
    }

    /** Requests wait for {@link #answer} from now on. */
    void answerByHand() {
        automatic = null;
    }

    /** Twilio took the call ({@code true}) or could not be asked ({@code false}). */
    void answer(boolean taken) {
        pending.complete(taken);
    }

    List<TakeOver> requests() {
        return List.copyOf(requests);
    }
}
