package dev.voiceagent.core.session;

import dev.voiceagent.core.openai.ClientEvents;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The conversation's {@code response.create} events in order: the API allows one active response at a time, so a
 * request waits while another is requested or active. Remembers the response a lost upstream session cut off, so
 * the next session can be asked for it again. Confined to the conversation's loop.
 */
final class ResponseQueue {

    private final ArrayDeque<String> queued = new ArrayDeque<>();
    private final Consumer<String> upstream;
    /** Whether a session is ready to take a request; while none is, requests wait for {@link #resume()}. */
    private final BooleanSupplier sessionReady;
    /** Sent, not yet acknowledged by {@code response.created}. */
    private String requested;
    private String active;
    /** The event that created the active response. */
    private String activeRequest;

    ResponseQueue(Consumer<String> upstream, BooleanSupplier sessionReady) {
        this.upstream = upstream;
        this.sessionReady = sessionReady;
    }

    /** Sends {@code event} now, or once the active response is done. */
    void request(String event) {
        if (requested != null || active != null || !sessionReady.getAsBoolean()) {
            queued.add(event);
            return;
        }
        requested = event;
        upstream.accept(event);
    }

    /** Whether nothing else is waiting: the response just created is the last one asked for. */
    boolean nothingQueued() {
        return queued.isEmpty();
    }

    void created(String responseId) {
        activeRequest = requested;
        requested = null;
        active = responseId;
    }

    /** A response ended; the next waiting request goes out. */
    void done(String responseId) {
        if (responseId.equals(active)) {
            active = null;
            activeRequest = null;
        }
        resume();
    }

    String active() {
        return active;
    }

    /** The API said another response is active: the request goes out again once that one is done. */
    boolean refusedAsBusy() {
        if (requested == null) {
            return false;
        }
        queued.addFirst(requested);
        requested = null;
        return true;
    }

    /**
     * The upstream session is gone: what was requested or being answered is queued first again, and nothing is sent
     * until {@link #resume()}.
     *
     * @return whether a response was cut off
     */
    boolean sessionLost() {
        String cut = requested != null ? requested : activeRequest;
        boolean cutOff = requested != null || active != null;
        if (cutOff) {
            // A response the server began by itself (server VAD) has no request of ours: ask for one plainly.
            queued.addFirst(cut != null ? cut : ClientEvents.responseCreate());
        }
        requested = null;
        active = null;
        activeRequest = null;
        return cutOff;
    }

    /** A session is ready, or a response ended: the first waiting request goes out. */
    void resume() {
        if (requested == null && active == null && sessionReady.getAsBoolean()) {
            String next = queued.poll();
            if (next != null) {
                requested = next;
                upstream.accept(next);
            }
        }
    }

    void clear() {
        queued.clear();
    }
}
