package dev.voiceagent.core.mcp;

/** What a tool call produced: text for the model, marked when it is an error. */
public record ToolOutcome(String text, boolean isError) {

    public static ToolOutcome error(String text) {
        return new ToolOutcome(text, true);
    }

    /** The {@code function_call_output} the model reads; errors say so, so it can apologise or ask again. */
    public String forModel() {
        return isError ? "Error: " + text : text;
    }
}
