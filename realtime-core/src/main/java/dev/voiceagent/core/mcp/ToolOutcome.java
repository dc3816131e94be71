package dev.voiceagent.core.mcp;

/** What a tool call produced: text for the model, marked when it is an error. Never without text. */
public record ToolOutcome(String text, boolean isError) {

    public ToolOutcome {
        if (text == null || text.isBlank()) {
            text = isError ? "the tool failed without saying why; tell the caller it did not work this time" : "";
        }
    }

    public static ToolOutcome error(String text) {
        return new ToolOutcome(text, true);
    }

    /** The server behind the tool cannot be reached: said in words the agent can pass on to the caller. */
    public static ToolOutcome unavailable(String server) {
        return error("the " + server + " system is not answering right now; tell the caller you cannot do this at"
                + " the moment, and offer to try again in a little while or to help with something else");
    }

    /** The server took longer than the call may wait. */
    public static ToolOutcome tooSlow(String server, long waitedMs) {
        return error("the " + server + " system did not answer within " + waitedMs + " ms; tell the caller it is"
                + " taking too long, and offer to try again");
    }

    /** The {@code function_call_output} the model reads; errors say so, so it can apologise or ask again. */
    public String forModel() {
        return isError ? "Error: " + text : text;
    }
}
