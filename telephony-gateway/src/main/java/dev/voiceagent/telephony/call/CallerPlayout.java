package dev.voiceagent.telephony.call;

import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.SessionMessage.HeardItem;
import dev.voiceagent.telephony.playback.PlaybackTracker;
import dev.voiceagent.telephony.twilio.TwilioCodec;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * The assistant's audio on its way to the caller: {@code media} and a {@code mark} after each chunk, what Twilio
 * has played (its mark echoes), {@code clear} on barge-in, and how much waits unwritten when Twilio stops reading.
 * Confined to the call's event loop; time comes from the caller.
 */
final class CallerPlayout {

    enum Outcome {
        SENT,
        /** Late audio of an item the caller interrupted, or audio before any item: not played. */
        DROPPED,
        /** More audio waits unwritten than allowed: Twilio is not reading, and the call must end. */
        NOT_READING
    }

    private final TwilioSocket twilio;
    private final InboundGuard guard;
    private final long maxQueuedMs;
    private final PlaybackTracker playback = new PlaybackTracker();
    private String streamSid;
    private String currentItem;

    CallerPlayout(TwilioSocket twilio, InboundGuard guard, StreamLimits limits) {
        this.twilio = twilio;
        this.guard = guard;
        this.maxQueuedMs = limits.maxQueuedAudio().toMillis();
    }

    void started(String sid) {
        this.streamSid = sid;
    }

    /** The core labels the audio that follows as this item's. */
    void item(String itemId) {
        currentItem = itemId;
    }

    Outcome play(Buffer base64Audio, long nowNanos) {
        if (currentItem == null || !playback.accepts(currentItem)) {
            return Outcome.DROPPED;
        }
        if (twilio.queuedAudioMs() > maxQueuedMs) {
            return Outcome.NOT_READING;
        }
        long millis = AudioCodec.PCMU.millisOfBase64(base64Audio);
        twilio.sendAudio(TwilioCodec.media(streamSid, base64Audio), millis);
        twilio.send(TwilioCodec.mark(streamSid, playback.sent(currentItem, millis, nowNanos)));
        guard.markSent();
        return Outcome.SENT;
    }

    /** Twilio played up to {@code mark}; returns whether it still has audio of ours to play. */
    boolean acknowledged(String mark, long nowNanos) {
        playback.acknowledged(mark, nowNanos);
        return playback.isPlaying();
    }

    /** Whether Twilio still has audio of ours to play. */
    boolean isPlaying() {
        return playback.isPlaying();
    }

    /** The caller spoke: Twilio drops what it has queued, and this says what they heard of each item. */
    List<HeardItem> interrupt(long nowNanos) {
        twilio.send(TwilioCodec.clear(streamSid));
        List<HeardItem> heard = playback.interrupt(nowNanos);
        if (currentItem != null) {
            playback.discard(currentItem);
        }
        return heard;
    }
}
