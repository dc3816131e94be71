package dev.voiceagent.telephony.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest status of the outbound calls this instance placed or heard about, for {@code GET /v1/calls/{sid}}:
 * from Twilio's answer to the placement, its status callbacks and its answering-machine verdict. Bounded: the
 * calls least recently updated are forgotten first ({@code outbound.recorded-calls}).
 */
@ApplicationScoped
public class CallLog {

    /**
     * What is known of one call.
     *
     * @param status Twilio's {@code CallStatus} ({@code queued}, {@code initiated}, {@code ringing},
     *        {@code in-progress}, {@code completed}, {@code busy}, {@code no-answer}, {@code failed}, {@code canceled})
     * @param answeredBy the answering-machine verdict ({@code human}, {@code machine_end_beep}, ...), or null
     * @param duration the call's duration in seconds once completed, or null
     */
    public record Entry(String sid, String status, String answeredBy, String duration, Instant updatedAt) {
    }

    private final int capacity;
    private final Clock clock;
    /** Least recently updated first: an update moves its call to the end. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    @Inject
    public CallLog(OutboundConfig config) {
        this(config.recordedCalls(), Clock.systemUTC());
    }

    CallLog(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /** A new status of a call; the answering-machine verdict and duration, when known, are kept across updates. */
    public synchronized void status(String sid, String status, String duration) {
        Entry before = entries.get(sid);
        put(new Entry(sid, status, before == null ? null : before.answeredBy(),
                duration != null ? duration : before == null ? null : before.duration(), clock.instant()));
    }

    /** The answering-machine verdict of a call. */
    public synchronized void answeredBy(String sid, String answeredBy) {
        Entry before = entries.get(sid);
        put(new Entry(sid, before == null ? "in-progress" : before.status(), answeredBy,
                before == null ? null : before.duration(), clock.instant()));
    }

    public synchronized Optional<Entry> latest(String sid) {
        return Optional.ofNullable(entries.get(sid));
    }

    private void put(Entry entry) {
        entries.remove(entry.sid());
        entries.put(entry.sid(), entry);
        if (entries.size() > capacity) {
            entries.remove(entries.keySet().iterator().next());
        }
    }
}
