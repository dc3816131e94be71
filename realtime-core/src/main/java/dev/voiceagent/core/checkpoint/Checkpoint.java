package dev.voiceagent.core.checkpoint;

import java.util.List;

/**
 * What another core needs to continue a conversation: who is talking (the current agent, what the booking system
 * knows of the caller) and what was said, with the function calls and their outputs. A call whose output is not
 * among the items was still running when the checkpoint was taken.
 *
 * @param callerContext what the booking system knows of the caller, or null
 */
public record Checkpoint(String conversationId, String agent, String callerContext, List<ConversationItem> items) {
}
