package dev.voiceagent.core.session;

import dev.voiceagent.core.metrics.ReconnectMetrics;
import dev.voiceagent.session.Base64Audio;
import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The core's own limits on what the model sends, so one conversation's bad output reaches no other: transcripts
 * and error messages are cut to {@code core.max-transcript-chars}, audio deltas must be base64 (others are dropped), and audio goes to
 * the gateway in records that fit its frames. Each kind of fault is logged once per conversation, and counted.
 */
final class ModelLimits {

    private static final Logger LOG = Logger.getLogger(ModelLimits.class);
    /** Base64 characters per audio record: a multiple of 8 (whole 16-bit samples), under the gateway's 64 KiB frames. */
    static final int AUDIO_RECORD_CHARS = 32 * 1024;

    private final String conversationId;
    private final int maxTranscriptChars;
    private final ReconnectMetrics metrics;
    private boolean transcriptCutLogged;
    private boolean invalidAudioLogged;

    ModelLimits(String conversationId, int maxTranscriptChars, ReconnectMetrics metrics) {
        this.conversationId = conversationId;
        this.maxTranscriptChars = maxTranscriptChars;
        this.metrics = metrics;
    }

    /** Text from the model for the gateway (a transcript, an error's message), cut to the limit. */
    String text(String text) {
        if (text == null || text.length() <= maxTranscriptChars) {
            return text;
        }
        metrics.upstreamRefused("truncated_text");
        if (!transcriptCutLogged) {
            transcriptCutLogged = true;
            LOG.warnf("conversation %s: the model sent a text of %d characters; cut to %d", conversationId,
                    text.length(), maxTranscriptChars);
        }
        return text.substring(0, maxTranscriptChars);
    }

    /** Whether an audio delta may be played: base64 text, nothing else. */
    boolean isPlayable(String delta) {
        if (Base64Audio.isValid(delta)) {
            return true;
        }
        metrics.upstreamRefused("invalid_audio");
        if (!invalidAudioLogged) {
            invalidAudioLogged = true;
            LOG.warnf("conversation %s: the model sent an audio delta that is not base64 (%d characters); dropped",
                    conversationId, delta.length());
        }
        return false;
    }

    /** Hands the audio to {@code records} in pieces that each fit one gateway frame. */
    static void inRecords(Buffer audio, Consumer<Buffer> records) {
        int length = audio.length();
        if (length <= AUDIO_RECORD_CHARS) {
            records.accept(audio);
            return;
        }
        for (int offset = 0; offset < length; offset += AUDIO_RECORD_CHARS) {
            records.accept(audio.slice(offset, Math.min(length, offset + AUDIO_RECORD_CHARS)));
        }
    }
}
