package dev.voiceagent.web.call;

import org.json.JSONObject;

/**
 * The widget's wire contract: one Socket.IO event, {@code message}, whose argument is {@code {event, data}}. The
 * names up to the marked line are the original design's; the rest are additions its widget ignores.
 */
public final class WidgetEvents {

    /** The single Socket.IO event name used in both directions. */
    public static final String SOCKET_EVENT = "message";

    // Client -> server (original)
    public static final String SESSION_START = "SESSION_START";
    public static final String USER_AUDIO_CHUNK = "USER_AUDIO_CHUNK";
    public static final String SESSION_END = "SESSION_END";
    // Server -> client (original)
    public static final String SESSION_START_SUCCESS = "SESSION_START_SUCCESS";
    public static final String SESSION_START_ERROR = "SESSION_START_ERROR";
    public static final String SESSION_END_SUCCESS = "SESSION_END_SUCCESS";
    public static final String SESSION_END_ERROR = "SESSION_END_ERROR";
    public static final String ASSISTANT_AUDIO_CHUNK = "ASSISTANT_AUDIO_CHUNK";
    public static final String USER_AUDIO_TRANSCRIPT = "USER_AUDIO_TRANSCRIPT";
    public static final String ASSISTANT_AUDIO_TRANSCRIPT = "ASSISTANT_AUDIO_TRANSCRIPT";

    // ---- additions -------------------------------------------------------------------------------------
    /** Client -> server: {@code {itemId, playedMs}}, how much of an assistant item the page has played. */
    public static final String PLAYBACK_POSITION = "PLAYBACK_POSITION";
    /** Client -> server: {@code {digit}}, a keypad key (0-9, *, #), passed to the core as a phone's DTMF is. */
    public static final String DTMF = "DTMF";
    /** Server -> client: {@code {itemId}}; the audio chunks that follow belong to this assistant item. */
    public static final String ASSISTANT_AUDIO_ITEM = "ASSISTANT_AUDIO_ITEM";
    /** Server -> client: the user spoke over the agent; stop playback now. */
    public static final String INTERRUPTED = "INTERRUPTED";
    /** Server -> client: {@code {agent}}, the agent now speaking. */
    public static final String AGENT_CHANGED = "AGENT_CHANGED";
    /** Server -> client: {@code {tool, phase}}, a tool call started or finished. */
    public static final String TOOL_ACTIVITY = "TOOL_ACTIVITY";
    /**
     * Server -> client: {@code {reason, summary, target}}, the agent hands the visitor to a person (its reason and
     * its summary of the conversation; {@code target} a configured department, or null). The site's backend gets the
     * same as a signed webhook; the session ends once the agent's last line has played.
     */
    public static final String HUMAN_HANDOFF = "HUMAN_HANDOFF";
    /** Server -> client: {@code {reason}}, the session ended without the client asking. */
    public static final String SESSION_ENDED = "SESSION_ENDED";
    /** Server -> client: {@code {reason}}, a message the server could not act on. */
    public static final String ERROR = "ERROR";

    private WidgetEvents() {
    }

    /** The envelope {@code {event, data}}; a null data is sent as JSON null, as the original does. */
    public static JSONObject envelope(String event, Object data) {
        return new JSONObject().put("event", event).put("data", data == null ? JSONObject.NULL : data);
    }

    public static JSONObject reason(String reason) {
        return new JSONObject().put("reason", reason);
    }
}
