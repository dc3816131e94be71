package dev.voiceagent.telephony.call;

import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Base64Audio;
import dev.voiceagent.session.Channel;
import dev.voiceagent.session.CoreConversation;
import dev.voiceagent.session.ProtocolException;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.telephony.playback.PlaybackTracker;
import dev.voiceagent.telephony.twilio.TwilioCodec;
import dev.voiceagent.telephony.twilio.TwilioInbound;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Everything about one phone call, in one object: the Twilio stream, its conversation on the core, what the
 * caller has heard. Twilio and core callbacks both run on the stream's event loop, so no state here is shared.
 */
public final class TwilioCall implements CoreConversation.Listener {

    private static final Logger LOG = Logger.getLogger(TwilioCall.class);
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final int FRAMES_PER_METRIC_UPDATE = 50;

    private final TwilioSocket twilio;
    private final CallServices services;
    private final PlaybackTracker playback = new PlaybackTracker();
    private final InboundRate rate;
    private final ArrayDeque<Buffer> pendingAudio = new ArrayDeque<>();
    private int pendingChars;
    private String streamSid;
    private CoreConversation conversation;
    private String currentItem;
    private long callStartMillis;
    private boolean firstAudioSent;
    /** Frames not yet added to the shared counters; flushed every second of audio and at the end. */
    private int framesInUncounted;
    private int framesOutUncounted;
    private boolean ended;
    /** The core ended the conversation; the call closes once the caller has heard the last audio. */
    private String endingAfterPlayback;
    private final Context context;

    /** Create on the stream's event loop: the call's callbacks are confined to it. */
    public TwilioCall(TwilioSocket twilio, CallServices services) {
        this.twilio = twilio;
        this.services = services;
        this.context = Vertx.currentContext();
        this.rate = new InboundRate(services.limits());
    }

    public void onTwilioText(String text) {
        if (ended) {
            return;
        }
        if (text.length() > services.limits().maxMessageChars()) {
            badInput("oversized", "a message of " + text.length() + " characters");
            end("oversized", 1009, "message too big");
            return;
        }
        switch (rate.admit(services.nanoTime())) {
            case DROP -> {
                services.metrics().badInput("flood");
                return;
            }
            case CLOSE -> {
                badInput("flood", "too many messages per second");
                end("flood", 1008, "message rate exceeded");
                return;
            }
            case ADMIT -> {
            }
        }
        TwilioInbound message;
        try {
            message = TwilioCodec.parse(text);
        } catch (IOException e) {
            badInput("malformed_json", e.getMessage());
            return;
        }
        switch (message) {
            case TwilioInbound.Connected connected -> LOG.debug("media stream connected");
            case TwilioInbound.Start start -> start(start);
            case TwilioInbound.Media media -> media(media);
            case TwilioInbound.Mark mark -> {
                playback.acknowledged(mark.name(), services.nanoTime());
                if (endingAfterPlayback != null && !playback.isPlaying()) {
                    end(endingAfterPlayback, 1000, "conversation ended");
                }
            }
            case TwilioInbound.Dtmf dtmf -> toCore(new SessionMessage.Dtmf(dtmf.digit()));
            case TwilioInbound.Stop stop -> end("stop", 1000, "call ended");
            case TwilioInbound.Unknown unknown -> badInput("unknown_event", "event '" + unknown.event() + "'");
        }
    }

    /** The Twilio socket closed (the call ended or the network dropped). */
    public void onTwilioClosed() {
        end("caller_closed", 1000, "");
    }

    private void start(TwilioInbound.Start start) {
        if (streamSid != null) {
            badInput("duplicate_start", "a second start");
            return;
        }
        if (!SID.matcher(start.streamSid()).matches() || !"audio/x-mulaw".equals(start.encoding())
                || start.sampleRate() != 8000) {
            badInput("bad_start", "unsupported stream " + start.encoding() + "/" + start.sampleRate());
            end("bad_start", 1003, "expected audio/x-mulaw at 8000 Hz");
            return;
        }
        streamSid = start.streamSid();
        callStartMillis = System.currentTimeMillis();
        services.metrics().callStarted();
        SessionMessage.Start coreStart = new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE,
                AudioCodec.PCMU, start.customParameters().get("From"), start.callSid(), streamSid,
                start.customParameters().get("session"), null, null, null);
        services.core().open(coreStart, this).onComplete(result -> {
            if (result.failed()) {
                LOG.warnf("call %s: cannot reach realtime-core: %s", start.callSid(), result.cause().getMessage());
                end("core_unreachable", 1011, "service unavailable");
                return;
            }
            conversation = result.result().conversation();
            result.result().prewarm().ifPresent(claims -> callStartMillis = claims.issuedAtMs());
            if (ended) {
                conversation.send(new SessionMessage.End("caller_closed"));
                conversation.close();
                return;
            }
            Buffer audio;
            while ((audio = pendingAudio.poll()) != null) {
                conversation.sendAudio(audio);
            }
            pendingChars = 0;
        });
    }

    private void media(TwilioInbound.Media media) {
        if (streamSid == null) {
            badInput("media_before_start", "media before start");
            return;
        }
        if (!"inbound".equals(media.track())) {
            return;
        }
        if (!Base64Audio.isValid(media.payload())) {
            badInput("bad_base64", "a media payload that is not base64");
            return;
        }
        if (++framesInUncounted == FRAMES_PER_METRIC_UPDATE) {
            flushFrameCounts();
        }
        Buffer audio = Base64Audio.toBuffer(media.payload());
        if (conversation != null) {
            conversation.sendAudio(audio);
        } else if (pendingChars + audio.length() <= services.limits().pendingAudioChars()) {
            pendingAudio.add(audio);
            pendingChars += audio.length();
        } else {
            badInput("pending_audio_overflow", "caller audio dropped while the core connection opens");
        }
    }

    // ---- from the core ----------------------------------------------------------------------------------

    @Override
    public void onMessage(SessionMessage.FromCore message) {
        switch (message) {
            case SessionMessage.Ready ready -> LOG.infof("call %s started: conversation %s, agent %s, model %s%s",
                    streamSid, ready.conversationId(), ready.agent(), ready.model(),
                    ready.prewarmed() ? ", pre-warmed" : "");
            case SessionMessage.AudioItem item -> currentItem = item.itemId();
            case SessionMessage.SpeechStarted speech -> bargeIn();
            case SessionMessage.Error error -> {
                services.metrics().coreError(error.code());
                LOG.warnf("call %s: core reported %s: %s", streamSid, error.code(), error.message());
            }
            case SessionMessage.End end -> endAfterPlayback(end.reason());
            case SessionMessage.AudioDone done -> {
                // Playback completion is known from marks; nothing to do when the model finishes sending.
            }
            case SessionMessage.SpeechStopped stopped -> {
            }
            case SessionMessage.Transcript transcript -> {
            }
            case SessionMessage.AgentChanged changed -> LOG.infof("call %s: agent %s now speaks", streamSid,
                    changed.agent());
            case SessionMessage.ToolActivity tool -> LOG.infof("call %s: tool %s %s", streamSid, tool.tool(),
                    tool.phase());
        }
    }

    @Override
    public void onAudio(Buffer base64Audio) {
        if (ended || currentItem == null || !playback.accepts(currentItem)) {
            return; // late audio of an interrupted item
        }
        long millis = AudioCodec.PCMU.millisOfBase64(base64Audio);
        twilio.send(TwilioCodec.media(streamSid, base64Audio));
        twilio.send(TwilioCodec.mark(streamSid, playback.sent(currentItem, millis, services.nanoTime())));
        if (++framesOutUncounted == FRAMES_PER_METRIC_UPDATE) {
            flushFrameCounts();
        }
        if (!firstAudioSent) {
            firstAudioSent = true;
            services.metrics().firstAudio(Duration.ofMillis(System.currentTimeMillis() - callStartMillis));
        }
    }

    @Override
    public void onClosed() {
        if (endingAfterPlayback == null) {
            end("core_closed", 1000, "conversation ended");
        }
    }

    /**
     * The gateway shuts down and the call is still on: the core has the caller told goodbye and then ends the
     * conversation, which ends the call. Safe from any thread.
     */
    public void drain() {
        context.runOnContext(v -> {
            if (ended) {
                return;
            }
            if (conversation == null) {
                end("shutdown", 1001, "gateway shutting down");
                return;
            }
            conversation.send(new SessionMessage.End(SessionMessage.End.DRAIN));
        });
    }

    /** Twilio drops what it has not played when the stream closes, so a goodbye would be cut: wait for the marks. */
    private void endAfterPlayback(String reason) {
        LOG.debugf("call %s: the core ended the conversation: %s", streamSid, reason);
        String why = "core_ended";
        if (!playback.isPlaying()) {
            end(why, 1000, "conversation ended");
            return;
        }
        endingAfterPlayback = why;
        context.owner().setTimer(services.limits().playoutWait().toMillis(),
                t -> end(why, 1000, "conversation ended"));
    }

    @Override
    public void onProtocolError(ProtocolException e) {
        services.metrics().badInput("core_protocol");
        LOG.warnf("call %s: unreadable message from the core: %s", streamSid, e.getMessage());
    }

    /** The caller spoke: stop playback now, and tell the core what they heard of each item. */
    private void bargeIn() {
        if (playback.isPlaying()) {
            services.metrics().bargeIn();
        }
        twilio.send(TwilioCodec.clear(streamSid));
        var heard = playback.interrupt(services.nanoTime());
        if (currentItem != null) {
            playback.discard(currentItem);
        }
        toCore(new SessionMessage.PlaybackInterrupted(heard));
    }

    private void toCore(SessionMessage.FromGateway message) {
        if (conversation != null) {
            conversation.send(message);
        }
    }

    private void badInput(String kind, String detail) {
        services.metrics().badInput(kind);
        LOG.warnf("call %s: refused %s", streamSid == null ? "(not started)" : streamSid, detail);
    }

    private void end(String reason, int closeCode, String closeReason) {
        if (ended) {
            return;
        }
        ended = true;
        if (conversation != null) {
            conversation.send(new SessionMessage.End(reason));
            conversation.close();
        }
        if (streamSid != null) {
            services.metrics().callEnded(reason);
            LOG.infof("call %s ended after %d s: %s", streamSid, (System.currentTimeMillis() - callStartMillis) / 1000,
                    reason);
        }
        pendingAudio.clear();
        flushFrameCounts();
        twilio.close(closeCode, closeReason);
    }

    private void flushFrameCounts() {
        services.metrics().framesIn(framesInUncounted);
        services.metrics().framesOut(framesOutUncounted);
        framesInUncounted = 0;
        framesOutUncounted = 0;
    }
}
