package dev.voiceagent.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * Control messages of the internal session protocol (version {@value #VERSION}), sent as JSON in control records
 * ({@link ConversationRecords#CONTROL}) between a gateway and realtime-core; audio travels in audio records of the
 * same conversation, multiplexed with other conversations' records on one websocket (see the module README).
 * The {@code type} property names the message; unknown types are a protocol error.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SessionMessage.Start.class, name = "start"),
        @JsonSubTypes.Type(value = SessionMessage.PlaybackInterrupted.class, name = "playback.interrupted"),
        @JsonSubTypes.Type(value = SessionMessage.Dtmf.class, name = "dtmf"),
        @JsonSubTypes.Type(value = SessionMessage.End.class, name = "end"),
        @JsonSubTypes.Type(value = SessionMessage.HandoffResult.class, name = "handoff.result"),
        @JsonSubTypes.Type(value = SessionMessage.Ready.class, name = "ready"),
        @JsonSubTypes.Type(value = SessionMessage.AudioItem.class, name = "audio.item"),
        @JsonSubTypes.Type(value = SessionMessage.AudioDone.class, name = "audio.done"),
        @JsonSubTypes.Type(value = SessionMessage.SpeechStarted.class, name = "speech.started"),
        @JsonSubTypes.Type(value = SessionMessage.SpeechStopped.class, name = "speech.stopped"),
        @JsonSubTypes.Type(value = SessionMessage.Transcript.class, name = "transcript"),
        @JsonSubTypes.Type(value = SessionMessage.AgentChanged.class, name = "agent.changed"),
        @JsonSubTypes.Type(value = SessionMessage.ToolActivity.class, name = "tool.activity"),
        @JsonSubTypes.Type(value = SessionMessage.HandoffHuman.class, name = "handoff.human"),
        @JsonSubTypes.Type(value = SessionMessage.Error.class, name = "error"),
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface SessionMessage {

    int VERSION = 2;

    /** Messages a gateway sends to the core. */
    sealed interface FromGateway extends SessionMessage {
    }

    /** Messages the core sends to a gateway. */
    sealed interface FromCore extends SessionMessage {
    }

    /**
     * First message on a conversation socket, and the body of a pre-warm request.
     *
     * @param sessionRef signed reference to a pre-warmed session, or null to open a fresh one
     * @param traceparent W3C trace context of the call, or null
     * @param agent name of the agent to start with, or null for the channel's default
     * @param resume the {@code resumeToken} of a conversation whose core or socket was lost, or null: the core that
     *        receives it restores that conversation from its checkpoint instead of beginning a new one
     * @param context what the system that placed the call wants the agent to know (an outbound call's purpose, the
     *        person called), as text added to the agent's instructions, or null; at most {@value #MAX_CONTEXT_CHARS}
     *        characters
     */
    record Start(int version, Channel channel, AudioCodec codec, String caller, String callId, String streamId,
            String sessionRef, String traceparent, String agent, String resume, String context)
            implements FromGateway {

        /** The longest {@code context} a core accepts; a gateway bounds what it is given well below. */
        public static final int MAX_CONTEXT_CHARS = 8000;

        /** A start without call context: every inbound call and web session. */
        public Start(int version, Channel channel, AudioCodec codec, String caller, String callId, String streamId,
                String sessionRef, String traceparent, String agent, String resume) {
            this(version, channel, codec, caller, callId, streamId, sessionRef, traceparent, agent, resume, null);
        }

        /** This start without its pre-warm reference: a fresh session is opened. */
        public Start withoutSessionRef() {
            return new Start(version, channel, codec, caller, callId, streamId, null, traceparent, agent, resume,
                    context);
        }

        /** This start as it resumes a lost conversation: no pre-warm reference, the resume token. */
        public Start resuming(String resumeToken) {
            return new Start(version, channel, codec, caller, callId, streamId, null, traceparent, agent,
                    resumeToken, context);
        }
    }

    /** The caller barged in: how much of each item that was playing they actually heard. */
    record PlaybackInterrupted(List<HeardItem> items) implements FromGateway {
        public PlaybackInterrupted {
            items = List.copyOf(items);
        }
    }

    record HeardItem(String itemId, long heardMs) {
    }

    /** A key the caller pressed. */
    record Dtmf(String digit) implements FromGateway {
    }

    /**
     * Either side ends the conversation; the sender closes the socket after it. Except: a gateway that is shutting
     * down sends reason {@value #DRAIN} and keeps the socket open; the core has the caller told goodbye, then
     * ends the conversation itself.
     */
    record End(String reason) implements FromGateway, FromCore {
        public static final String DRAIN = "drain";
        /**
         * The gateway handed the caller to a person ({@code handoff.human}): the core keeps the conversation's
         * checkpoint until it expires, so a caller the person did not take can come back to it.
         */
        public static final String TRANSFERRED = "transferred";
    }

    /**
     * What became of a {@code handoff.human} when the conversation goes on: the gateway could not move the caller
     * ({@value #FAILED}), or, on a conversation resumed after the transfer, the person was not reached
     * ({@code no-answer}, {@code busy}, {@value #FAILED}). The agent hears it and tells the caller.
     *
     * @param detail what happened, in a few words, or null
     */
    record HandoffResult(String status, String detail) implements FromGateway {
        public static final String FAILED = "failed";
    }

    /**
     * The upstream session is configured; audio can flow.
     *
     * @param model what the caller talks to: a model name, or {@code loopback (no AI)} for the offline provider
     * @param resumeToken signed credential that lets a gateway resume this conversation on any core if its socket or
     *        core is lost (sent back as {@code start.resume}); null when the core keeps no checkpoints
     */
    record Ready(String conversationId, String agent, boolean prewarmed, String model, String resumeToken)
            implements FromCore {
    }

    /** Binary audio frames after this message belong to this assistant item, until the next {@code audio.item}. */
    record AudioItem(String itemId, String responseId) implements FromCore {
    }

    /** The assistant item has no more audio. */
    record AudioDone(String itemId) implements FromCore {
    }

    /** The caller started speaking: stop playback at once and answer with {@code playback.interrupted}. */
    record SpeechStarted(String itemId) implements FromCore {
    }

    record SpeechStopped(String itemId) implements FromCore {
    }

    record Transcript(Role role, String itemId, String text, @JsonProperty("final") boolean isFinal)
            implements FromCore {
    }

    record AgentChanged(String agent) implements FromCore {
    }

    /** An agent's tool call: {@code phase} is {@code started}, then {@code ok} or {@code error}. */
    record ToolActivity(String tool, String phase) implements FromCore {
    }

    /**
     * The agent asks for a person to take over; its last line has been sent. The gateway moves the caller once that
     * line has played (phone: Twilio dials the configured target; web: the page and the site's backend are told),
     * then ends the conversation with {@code end{reason:"transferred"}}, or answers {@code handoff.result} when it
     * cannot.
     *
     * @param reason why, in the agent's words
     * @param summary the agent's summary for the person: who calls, what they want, what was done
     * @param target the name of a configured target (a department), or null for the gateway's default
     */
    record HandoffHuman(String reason, String summary, String target) implements FromCore {
    }

    /** Something went wrong; if {@code fatal}, an {@code end} follows. */
    record Error(String code, String message, boolean fatal) implements FromCore {
    }
}
