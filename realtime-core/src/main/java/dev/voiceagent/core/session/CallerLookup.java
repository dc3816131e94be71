package dev.voiceagent.core.session;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * What the booking system knows of a phone caller, asked for at most once: at once for a new call (so the answer is
 * there by the time the upstream session is configured), and for a resumed conversation only if it has to begin
 * afresh, since a restored one already carries it in its items and instructions.
 */
final class CallerLookup {

    private final Supplier<Future<String>> ask;
    private Future<String> answer;

    CallerLookup(Supplier<Future<String>> ask) {
        this.ask = ask;
    }

    /** A lookup already answered (nothing to ask, or a test's answer). */
    static CallerLookup answered(String callerContext) {
        return new CallerLookup(() -> Future.succeededFuture(callerContext));
    }

    /** Asks now, so that the answer is on its way while the session opens. */
    CallerLookup started() {
        answer();
        return this;
    }

    /** The answer (null when nothing is known), asking the first time. Called on the conversation's loop. */
    Future<String> answer() {
        if (answer == null) {
            answer = ask.get();
        }
        return answer;
    }
}
