package dev.voiceagent.telephony.call;

import dev.voiceagent.telephony.metrics.GatewayMetrics;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One call's part of the gateway metrics, and its bad-input log line. Frames are counted here and added to the shared counters once a second of
 * audio and at the end: a shared counter per frame showed in the profile. Confined to the call's event loop.
 */
final class CallMeter {

    private static final Logger LOG = Logger.getLogger(TwilioCall.class);
    private static final int FRAMES_PER_METRIC_UPDATE = 50;

    private final GatewayMetrics metrics;
    private int framesIn;
    private int framesOut;
    private boolean firstAudioSent;
    private long startNanos;
    /** Bad input is logged once per call (and counted every time). */
    private boolean badInputLogged;

    CallMeter(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    void started(long nowNanos) {
        startNanos = nowNanos;
        metrics.callStarted();
    }

    /** A pre-warmed call started at its webhook, this long before the stream did. */
    void startedEarlier(Duration sinceWebhook) {
        startNanos -= sinceWebhook.toNanos();
    }

    void frameIn() {
        if (++framesIn == FRAMES_PER_METRIC_UPDATE) {
            flush();
        }
    }

    void frameOut(long nowNanos) {
        if (++framesOut == FRAMES_PER_METRIC_UPDATE) {
            flush();
        }
        if (!firstAudioSent) {
            firstAudioSent = true;
            metrics.firstAudio(Duration.ofNanos(nowNanos - startNanos));
        }
    }

    /** Counts bad input; true the first time in the call: it is logged once per call (WARN), then at DEBUG. */
    /** A call that had started ended: counted, and one log line with how long it lasted. */
    void ended(String reason, long nowNanos, String streamSid) {
        if (streamSid != null) {
            metrics.callEnded(reason);
            LOG.infof("call %s ended after %d s: %s", streamSid,
                    Duration.ofNanos(nowNanos - startNanos).toSeconds(), reason);
        }
    }

    /** Input refused: counted every time, logged once per call (WARN), never with a stack trace. */
    void badInput(String kind, String detail, String streamSid) {
        metrics.badInput(kind);
        Logger.Level level = badInputLogged ? Logger.Level.DEBUG : Logger.Level.WARN;
        badInputLogged = true;
        LOG.logf(level, "call %s: refused %s", streamSid == null ? "(not started)" : streamSid, detail);
    }

    void flush() {
        metrics.framesIn(framesIn);
        metrics.framesOut(framesOut);
        framesIn = 0;
        framesOut = 0;
    }
}
