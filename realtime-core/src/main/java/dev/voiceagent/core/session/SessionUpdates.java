package dev.voiceagent.core.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voiceagent.agents.CallerContext;
import dev.voiceagent.core.openai.ClientEvents;
import java.time.LocalDate;

/**
 * The {@code session.update} for the conversation's current agent: its instructions with the caller and call
 * context (and, for a conversation begun afresh after its checkpoint was lost, that the earlier part is lost), its
 * tools on this channel, the channel's audio formats and settings, and on a session's first update only, the voice
 * and speed of the agent that started the conversation (so a replacement session sounds the same).
 */
final class SessionUpdates {

    private SessionUpdates() {
    }

    static String forCurrentAgent(ConversationSetup setup, ConversationServices services, ConversationHistory history,
            boolean firstOfSession) {
        String instructions = new CallerContext(setup.caller(), LocalDate.now(services.clock()),
                history.callerContext(), setup.callContext()).render(history.agent())
                + (history.isEarlierPartLost() ? "\n\n" + Restore.EARLIER_PART_LOST : "");
        ObjectNode session = services.sessionConfig().session(setup.channel(), setup.codec(), instructions,
                firstOfSession ? setup.agent().speech() : null);
        session.set("tools", services.agentTools().toolsFor(history.agent(), setup.channelName()));
        return ClientEvents.sessionUpdate(session);
    }
}
