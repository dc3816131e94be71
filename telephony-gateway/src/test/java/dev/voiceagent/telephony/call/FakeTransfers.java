package dev.voiceagent.telephony.call;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/** The transfer port in process: records each request and completes it when the test says how Twilio answered. */
final class FakeTransfers implements TransferPort {

    final List<Transfer> requests = new ArrayList<>();
    private final List<Promise<Void>> pending = new ArrayList<>();

    @Override
    public Future<Void> move(Transfer transfer) {
        requests.add(transfer);
        Promise<Void> answer = Promise.promise();
        pending.add(answer);
        return answer.future();
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Twilio took the new TwiML. */
    void moved() {
        pending.removeFirst().complete();
    }

    /** Twilio (or the configuration) refused. */
    void refused(String why) {
        pending.removeFirst().fail(why);
    }
}
