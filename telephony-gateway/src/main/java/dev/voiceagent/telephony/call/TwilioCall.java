package dev.voiceagent.telephony.call;

import dev.voiceagent.session.Base64Audio;
import dev.voiceagent.session.CoreConversation;
import dev.voiceagent.session.PendingAudio;
import dev.voiceagent.session.ProtocolException;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.telephony.twilio.TwilioCodec;
import dev.voiceagent.telephony.twilio.TwilioInbound;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One phone call: the Twilio stream, its conversation on the core, and when it ends. A plain state machine: every
 * method runs on the stream's event loop (Twilio and core callbacks alike, and timers), time is the injected
 * monotonic clock, so tests drive it message by message. What the caller hears is {@link CallerPlayout}'s, what the
 * stream may send {@link InboundGuard}'s, a hand-over to a person {@link CallTransfer}'s.
 */
public final class TwilioCall implements CoreConversation.Listener {

    private static final Logger LOG = Logger.getLogger(TwilioCall.class);

    private final TwilioSocket twilio;
    private final CallServices services;
    private final InboundGuard guard;
    private final CallerPlayout playout;
    private final PendingAudio pendingAudio;
    private final CallMeter meter;
    private final CallTransfer transfer;
    private final CallFallback fallback;
    private final Timers.Cancellable startTimeout;
    private String streamSid;
    private CorePort.Conversation conversation;
    private boolean ended;
    private final AfterPlayout afterPlayout;
    /** The core ended the conversation; the call closes once the caller has heard the last audio. */
    private boolean coreEnded;

    /** Create on the stream's event loop: the call's callbacks and timers are confined to it. */
    public TwilioCall(TwilioSocket twilio, CallServices services) {
        this.twilio = twilio;
        this.services = services;
        this.guard = new InboundGuard(services.limits());
        this.playout = new CallerPlayout(twilio, guard, services.limits());
        this.pendingAudio = new PendingAudio(services.limits().pendingAudioChars());
        this.meter = new CallMeter(services.metrics());
        this.afterPlayout = new AfterPlayout(services);
        this.transfer = new CallTransfer(services, afterPlayout,
                () -> end("transferred", 1000, "transferred to a person"), this::toCore);
        this.fallback = new CallFallback(services.fallback());
        this.startTimeout = services.timers().schedule(services.limits().startTimeout().toMillis(), this::noStart);
    }

    public void onTwilioText(String text) {
        if (ended) {
            return;
        }
        if (guard.size(text) == InboundGuard.Verdict.TOO_BIG) {
            meter.badInput("oversized", "a message of " + text.length() + " characters", streamSid);
            end("oversized", 1009, "message too big");
            return;
        }
        TwilioInbound message;
        try {
            message = TwilioCodec.parse(text);
        } catch (IOException e) {
            if (admitted(null)) {
                meter.badInput("malformed_json", e.getMessage(), streamSid);
            }
            return;
        }
        if (admitted(message)) {
            handle(message);
        }
    }

    private void handle(TwilioInbound message) {
        switch (message) {
            case TwilioInbound.Connected connected -> LOG.debug("media stream connected");
            case TwilioInbound.Start start -> start(start);
            case TwilioInbound.Media media -> media(media);
            case TwilioInbound.Mark mark -> {
                if (!playout.acknowledged(mark.name(), services.nanoTime())) {
                    afterPlayout.playedOut();
                }
            }
            case TwilioInbound.Dtmf dtmf -> toCore(new SessionMessage.Dtmf(dtmf.digit()));
            case TwilioInbound.Stop stop -> end(fallback.isUnderway() ? "fallback" : "stop", 1000, "call ended");
            case TwilioInbound.Unknown unknown ->
                    meter.badInput("unknown_event", "event '" + unknown.event() + "'", streamSid);
        }
    }

    /** The stream failed below the call (too big, a broken frame, a fault of ours), logged already. */
    public void onTwilioRefused(String reason, int closeCode) {
        end(reason, closeCode, reason);
    }

    /** The Twilio socket closed (the call ended or the network dropped). */
    public void onTwilioClosed() {
        end("caller_closed", 1000, "");
    }

    private boolean admitted(TwilioInbound message) {
        if (guard.admit(message, services.nanoTime()) == InboundGuard.Verdict.ADMIT) {
            return true;
        }
        meter.badInput("flood", "input well above real time", streamSid);
        end("flood", 1008, "audio rate exceeded");
        return false;
    }

    private void noStart() {
        if (streamSid == null && !ended) {
            services.metrics().streamRefused("idle");
            LOG.warnf("closed a media stream that sent no start within %d ms", services.limits().startTimeout().toMillis());
            end("idle", 1008, "no start");
        }
    }

    private void start(TwilioInbound.Start start) {
        if (streamSid != null) {
            meter.badInput("duplicate_start", "a second start", streamSid);
            return;
        }
        Optional<StreamStart.Refusal> refusal = StreamStart.refusal(start, services.tickets());
        if (refusal.isPresent()) {
            StreamStart.Refusal refused = refusal.get();
            services.metrics().streamRefused(refused.reason());
            LOG.warnf("refused media stream of call %s: %s", start.callSid(), refused.reason());
            end(refused.reason(), refused.closeCode(), refused.closeReason());
            return;
        }
        startTimeout.cancel();
        streamSid = start.streamSid();
        transfer.started(start);
        fallback.started(start.callSid());
        playout.started(streamSid);
        meter.started(services.nanoTime());
        services.core().open(StreamStart.toCore(start), this).onComplete(result -> {
            if (result.failed()) {
                LOG.warnf("call %s: cannot reach realtime-core: %s", start.callSid(), result.cause().getMessage());
                fallback.takeOver("core_unreachable", () -> end("core_unreachable", 1011, "service unavailable"));
                return;
            }
            conversation = result.result().conversation();
            meter.startedEarlier(result.result().sinceWebhook());
            if (ended) {
                conversation.send(new SessionMessage.End("caller_closed"));
                conversation.close();
                return;
            }
            pendingAudio.drainTo(conversation::sendAudio);
        });
    }

    private void media(TwilioInbound.Media media) {
        if (streamSid == null) {
            meter.badInput("media_before_start", "media before start", streamSid);
            return;
        }
        if (!"inbound".equals(media.track()) || fallback.isUnderway()) {
            return;
        }
        if (!Base64Audio.isValid(media.payload())) {
            meter.badInput("bad_base64", "a media payload that is not base64", streamSid);
            return;
        }
        meter.frameIn();
        if (transfer.isUnderway()) {
            return; // the caller is being handed to a person: the agent hears no more
        }
        Buffer audio = Base64Audio.toBuffer(media.payload());
        if (conversation != null) {
            conversation.sendAudio(audio);
        } else if (!pendingAudio.offer(audio)) {
            meter.badInput("pending_audio_overflow", "caller audio dropped while the core connection opens",
                    streamSid);
        }
    }

    // ---- from the core ----------------------------------------------------------------------------------

    @Override
    public void onMessage(SessionMessage.FromCore message) {
        if (ended) {
            return; // already in flight when the call ended
        }
        fallback.heard(message);
        switch (message) {
            case SessionMessage.Ready ready -> {
                LOG.infof("call %s started: conversation %s, agent %s, model %s%s", streamSid,
                        ready.conversationId(), ready.agent(), ready.model(), ready.prewarmed() ? ", pre-warmed" : "");
                transfer.ready(ready.resumeToken()).ifPresent(this::toCore);
            }
            case SessionMessage.AudioItem item -> playout.item(item.itemId());
            case SessionMessage.SpeechStarted speech -> bargeIn();
            case SessionMessage.Error error -> {
                services.metrics().coreError(error.code());
                LOG.warnf("call %s: core reported %s: %s", streamSid, error.code(), error.message());
            }
            case SessionMessage.End end -> {
                coreEnded = true;
                Runnable endCall = () -> end("core_ended", 1000, "conversation ended");
                if (!fallback.takeOver(end.reason(), endCall)) {
                    afterPlayout.then(playout.isPlaying(), endCall);
                }
            }
            // Playback completion is known from marks; the rest is the core's business.
            case SessionMessage.AudioDone done -> { }
            case SessionMessage.SpeechStopped stopped -> { }
            case SessionMessage.Transcript transcript -> { }
            case SessionMessage.AgentChanged changed -> LOG.infof("call %s: agent %s now speaks", streamSid,
                    changed.agent());
            case SessionMessage.ToolActivity tool -> LOG.infof("call %s: tool %s %s", streamSid, tool.tool(),
                    tool.phase());
            case SessionMessage.HandoffHuman handoff -> transfer.requested(handoff, playout.isPlaying());
        }
    }

    @Override
    public void onResumed(SessionMessage.Ready ready) {
        if (!ended && playout.isPlaying()) {
            playout.interrupt(services.nanoTime()); // the lost core's audio: the restored conversation answers afresh
        }
        transfer.resumed(ready.resumeToken());
    }

    @Override
    public void onAudio(Buffer base64Audio) {
        if (ended || transfer.isUnderway()) {
            return;
        }
        switch (playout.play(base64Audio, services.nanoTime())) {
            case DROPPED -> { }
            case NOT_READING -> {
                LOG.warnf("call %s: Twilio stopped reading (over %d ms of audio unwritten); ending the call",
                        streamSid, services.limits().maxQueuedAudio().toMillis());
                end("twilio_not_reading", 1008, "not reading");
            }
            case SENT -> meter.frameOut(services.nanoTime());
        }
    }

    @Override
    public void onClosed() {
        if (!coreEnded && !fallback.isUnderway()) {
            end("core_closed", 1000, "conversation ended");
        }
    }

    @Override
    public void onProtocolError(ProtocolException e) {
        meter.badInput("core_protocol", "an unreadable message from the core: " + e.getMessage(), streamSid);
    }

    /** Shutdown with the call still on: the core has the caller told goodbye, then ends the conversation. */
    public void drain() {
        if (!ended && conversation == null) {
            end("shutdown", 1001, "gateway shutting down");
        } else if (!ended) {
            conversation.send(new SessionMessage.End(SessionMessage.End.DRAIN));
        }
    }

    /** The caller spoke: stop playback now, and tell the core what they heard of each item. */
    private void bargeIn() {
        if (playout.isPlaying()) {
            services.metrics().bargeIn();
        }
        toCore(new SessionMessage.PlaybackInterrupted(playout.interrupt(services.nanoTime())));
    }

    private void toCore(SessionMessage.FromGateway message) {
        if (conversation != null) {
            conversation.send(message);
        }
    }

    private void end(String why, int closeCode, String closeReason) {
        if (ended) {
            return;
        }
        ended = true;
        String reason = transfer.endReason(why);
        startTimeout.cancel();
        afterPlayout.cancel();
        if (conversation != null) {
            conversation.send(new SessionMessage.End(reason));
            conversation.close();
        }
        meter.ended(reason, services.nanoTime(), streamSid);
        pendingAudio.clear();
        meter.flush();
        twilio.close(closeCode, closeReason);
    }
}
