package dev.voiceagent.agents;

/** A tool an agent may use: which MCP server serves it, and its name there. */
public record ToolReference(String server, String tool) {
}
