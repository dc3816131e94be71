package dev.voiceagent.telephony.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Twilio's end of a stream, in process: what the call sends, read back from the JSON it wrote, as typed events. It
 * reads everything at once until {@link #stopReading()}; then audio stays queued, as on a socket nobody reads.
 */
final class FakeTwilioSocket implements TwilioSocket {

    sealed interface ToTwilio {
    }

    /** @param payload base64 mu-law as sent */
    record Media(String streamSid, String payload) implements ToTwilio {
    }

    record Mark(String streamSid, String name) implements ToTwilio {
    }

    record Clear(String streamSid) implements ToTwilio {
    }

    record Closed(int code) implements ToTwilio {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ToTwilio> events = new ArrayList<>();
    private boolean reading = true;
    private long queuedAudioMs;
    private long mostQueuedAudioMs;

    @Override
    public void send(String message) {
        events.add(parse(message));
    }

    @Override
    public void sendAudio(String message, long audioMs) {
        events.add(parse(message));
        if (!reading) {
            queuedAudioMs += audioMs;
            mostQueuedAudioMs = Math.max(mostQueuedAudioMs, queuedAudioMs);
        }
    }

    @Override
    public long queuedAudioMs() {
        return queuedAudioMs;
    }

    @Override
    public void close(int code, String reason) {
        events.add(new Closed(code));
    }

    void stopReading() {
        reading = false;
    }

    long mostQueuedAudioMs() {
        return mostQueuedAudioMs;
    }

    /** Everything sent so far, and forgets it. */
    List<ToTwilio> take() {
        List<ToTwilio> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    List<ToTwilio> events() {
        return List.copyOf(events);
    }

    private static ToTwilio parse(String message) {
        try {
            JsonNode json = JSON.readTree(message);
            String sid = json.path("streamSid").asText();
            return switch (json.path("event").asText()) {
                case "media" -> new Media(sid, json.path("media").path("payload").asText());
                case "mark" -> new Mark(sid, json.path("mark").path("name").asText());
                case "clear" -> new Clear(sid);
                default -> throw new AssertionError("Twilio has no outbound event " + message);
            };
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + message, e);
        }
    }
}
