package dev.voiceagent.web.call;

import static dev.voiceagent.web.call.WidgetEvents.reason;

import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import dev.voiceagent.session.CoreConversation;
import dev.voiceagent.session.PendingAudio;
import dev.voiceagent.session.ProtocolException;
import dev.voiceagent.session.Role;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.web.audio.Pcm16Resampler;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.buffer.Buffer;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.json.JSONObject;

/**
 * One conversation of a web connection, from SESSION_START to its end: its socket to realtime-core, the caller's
 * audio on its way there (resampled to 24 kHz), the agent's audio on its way back, and what the page has played of
 * it ({@link PagePlayback}), so that a barge-in truncates the model's memory of its answer where the user stopped
 * hearing it.
 * Runs on the connection's context.
 */
final class WebCall implements CoreConversation.Listener {

    private static final Logger LOG = Logger.getLogger(WebCall.class);
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

    private final WebConnection connection;
    private final CallServices services;
    private final Pcm16Resampler resampler;
    private final String agent;
    private final PendingAudio pendingAudio;
    private final PagePlayback playback = new PagePlayback();
    private CoreConversation conversation;
    private long startTimer = -1;
    private boolean ready;
    private boolean over;
    private long startedAtMillis;
    private String conversationId;
    private String speaking; // the agent the page was last told of
    private boolean handedOver;
    private Span span;

    WebCall(WebConnection connection, CallServices services, int sampleRate, String agent) {
        this.connection = connection;
        this.services = services;
        this.resampler = new Pcm16Resampler(sampleRate);
        this.agent = agent;
        // Held as base64 text, 4 bytes for every 3 of audio.
        this.pendingAudio = new PendingAudio(services.config().limits().pendingAudioBytes() / 3 * 4);
    }

    void open(String connectionId) {
        services.drain().track(this);
        span = services.startSessionSpan();
        SessionMessage.Start start = new SessionMessage.Start(SessionMessage.VERSION, Channel.WEB, AudioCodec.PCM16,
                null, connectionId, null, null, services.traceparentOf(span), agent, null);
        startTimer = services.vertx().setTimer(services.config().core().startTimeout().toMillis(),
                t -> {
                    if (!ready) {
                        close("start_timeout", "the voice service did not become ready in time", true);
                    }
                });
        services.coreConnections().open(services.config().core().url(), start, this)
                .onComplete(result -> {
                    if (result.failed()) {
                        LOG.warnf("cannot reach realtime-core: %s", result.cause().getMessage());
                        close("core_unreachable", "the voice service is unavailable", false);
                        return;
                    }
                    conversation = result.result();
                    if (over) {
                        conversation.send(new SessionMessage.End("client_ended"));
                        conversation.close();
                        return;
                    }
                    pendingAudio.drainTo(conversation::sendAudio);
                });
    }

    void audio(byte[] pcm16) {
        byte[] resampled = resampler.process(pcm16);
        if (resampled.length == 0 || handedOver) {
            return; // nothing whole yet, or the visitor is being handed to a person: the agent hears no more
        }
        services.metrics().chunkIn();
        Buffer base64 = Buffer.buffer(BASE64.encode(resampled));
        if (conversation != null) {
            conversation.sendAudio(base64);
        } else if (!pendingAudio.offer(base64)) {
            services.metrics().badInput("pending_audio_overflow");
        }
    }

    void playbackPosition(String itemId, long playedMs) {
        playback.reported(itemId, playedMs, System.nanoTime());
    }

    /** A keypad key; before the core is ready there is no conversation to tell, and the key is dropped. */
    void dtmf(String digit) {
        if (ready && !over) {
            conversation.send(new SessionMessage.Dtmf(digit));
        }
    }

    /** The gateway shuts down with this session still on: the core says goodbye, then ends it. Any thread. */
    void drain() {
        connection.onContext(() -> {
            if (over) {
                return;
            }
            if (conversation == null || !ready) {
                close("shutdown", "this server is restarting; please start again", true);
                return;
            }
            conversation.send(new SessionMessage.End(SessionMessage.End.DRAIN));
        });
    }

    /** The user ended the session or left. */
    void end(String reason) {
        if (over) {
            return;
        }
        finish(reason);
        if (conversation != null) {
            conversation.send(new SessionMessage.End(reason));
            conversation.close();
        }
    }

    // ---- from the core ----------------------------------------------------------------------------------

    @Override
    public void onMessage(SessionMessage.FromCore message) {
        if (over) {
            return;
        }
        switch (message) {
            case SessionMessage.Ready r -> {
                ready = true;
                conversationId = r.conversationId();
                services.vertx().cancelTimer(startTimer);
                startedAtMillis = System.currentTimeMillis();
                speaking = r.agent();
                services.metrics().sessionStarted();
                LOG.infof("web session started: conversation %s, agent %s, model %s", r.conversationId(), r.agent(),
                        r.model());
                connection.emit(WidgetEvents.SESSION_START_SUCCESS,
                        new JSONObject().put("agent", r.agent()).put("model", r.model()));
            }
            case SessionMessage.AudioItem item -> {
                playback.item(item.itemId());
                connection.emit(WidgetEvents.ASSISTANT_AUDIO_ITEM, new JSONObject().put("itemId", item.itemId()));
            }
            case SessionMessage.SpeechStarted speech -> bargeIn();
            case SessionMessage.Transcript transcript -> {
                if (transcript.isFinal() && !transcript.text().isBlank()) {
                    connection.emit(transcript.role() == Role.USER ? WidgetEvents.USER_AUDIO_TRANSCRIPT
                            : WidgetEvents.ASSISTANT_AUDIO_TRANSCRIPT, transcript.text());
                }
            }
            case SessionMessage.AgentChanged changed -> agentChanged(changed.agent());
            case SessionMessage.ToolActivity tool -> connection.emit(WidgetEvents.TOOL_ACTIVITY,
                    new JSONObject().put("tool", tool.tool()).put("phase", tool.phase()));
            case SessionMessage.Error error -> {
                services.metrics().coreError(error.code());
                if (!ready) {
                    close(error.code(), error.message(), true);
                } else {
                    connection.emit(WidgetEvents.ERROR, reason(error.message()).put("code", error.code()));
                }
            }
            case SessionMessage.End end -> close("core_ended", "the conversation ended: " + end.reason(), false);
            // The page plays what it has: nothing to do when the model finishes sending or the user stops speaking.
            case SessionMessage.AudioDone done -> { }
            case SessionMessage.SpeechStopped stopped -> { }
            case SessionMessage.HandoffHuman handoff -> handOver(handoff);
        }
    }

    @Override
    public void onAudio(Buffer base64Audio) {
        if (over || handedOver || !playback.isLive()) {
            return; // late audio of an interrupted item
        }
        byte[] pcm16 = BASE64_DECODER.decode(base64Audio.getBytes());
        playback.sent(AudioCodec.PCM16.millisOf(pcm16.length), System.nanoTime());
        services.metrics().chunkOut();
        connection.emit(WidgetEvents.ASSISTANT_AUDIO_CHUNK, pcm16);
    }

    /**
     * The conversation moved to another core: the lost core's answer still playing is stale, so the page stops it (not
     * a barge-in, nothing to truncate: the item was the lost session's); begun afresh, it may have another agent.
     */
    @Override
    public void onResumed(SessionMessage.Ready ready) {
        if (!over && playback.isLive()) {
            stopPage();
            playback.interrupt(System.nanoTime());
        }
        if (!over && !Objects.equals(ready.agent(), speaking)) {
            agentChanged(ready.agent()); // begun afresh (its checkpoint lost) with the entry agent
        }
    }

    private void agentChanged(String name) {
        speaking = name;
        LOG.infof("web session: agent %s now speaks", name);
        connection.emit(WidgetEvents.AGENT_CHANGED, new JSONObject().put("agent", name));
    }

    @Override
    public void onClosed() {
        close("core_closed", "the voice service closed the conversation", false);
    }

    @Override
    public void onProtocolError(ProtocolException e) {
        services.metrics().badInput("core_protocol");
        LOG.warnf("unreadable message from the core: %s", e.getMessage());
    }

    /** To a person: the page and the site's backend are told; the session ends once the page played the last line. */
    private void handOver(SessionMessage.HandoffHuman handoff) {
        if (handedOver) {
            return;
        }
        handedOver = true;
        LOG.infof("web session: conversation %s handed to a person", conversationId);
        connection.emit(WidgetEvents.HUMAN_HANDOFF, new JSONObject().put("reason", handoff.reason())
                .put("summary", handoff.summary())
                .put("target", handoff.target() == null ? JSONObject.NULL : handoff.target()));
        services.handoffs().deliver(conversationId, handoff);
        long unplayed = playback.unplayedMs(System.nanoTime());
        services.vertx().setTimer(Math.max(1, unplayed), t -> connection.onContext(() -> close(
                SessionMessage.End.TRANSFERRED, "handed to a person", true)));
    }

    /** The user spoke over the agent: the page stops playback, and the core learns how much of the item was heard. */
    private void bargeIn() {
        stopPage();
        if (!playback.isLive()) {
            conversation.send(new SessionMessage.PlaybackInterrupted(List.of()));
            return;
        }
        long now = System.nanoTime();
        if (playback.unplayedMs(now) > 0) {
            services.metrics().bargeIn();
        }
        conversation.send(new SessionMessage.PlaybackInterrupted(List.of(playback.interrupt(now))));
    }

    private void stopPage() {
        connection.emit(WidgetEvents.INTERRUPTED, playback.currentItem() == null ? null
                : new JSONObject().put("itemId", playback.currentItem()));
    }

    /** Ended from this side or by the core: tell the page (unless it asked), and release everything. */
    private void close(String reason, String explanation, boolean tellCore) {
        if (over) {
            return;
        }
        if (ready) {
            connection.emit(WidgetEvents.SESSION_ENDED, reason(explanation));
        } else {
            services.metrics().sessionRefused(reason);
            connection.emit(WidgetEvents.SESSION_START_ERROR, reason(explanation));
        }
        finish(reason);
        if (tellCore && conversation != null) {
            conversation.send(new SessionMessage.End(reason));
        }
        if (conversation != null) {
            conversation.close();
        }
    }

    private void finish(String reason) {
        over = true;
        services.drain().forget(this);
        span.setAttribute("voice.end_reason", reason).end();
        services.vertx().cancelTimer(startTimer);
        pendingAudio.clear();
        if (ready) {
            services.metrics().sessionEnded(reason);
            LOG.infof("web session ended after %d s: %s", (System.currentTimeMillis() - startedAtMillis) / 1000,
                    reason);
        }
        connection.sessionOver(this);
    }
}
