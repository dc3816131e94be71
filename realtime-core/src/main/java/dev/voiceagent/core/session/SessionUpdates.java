package dev.voiceagent.core.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voiceagent.agents.CallerContext;
import dev.voiceagent.core.openai.ClientEvents;
import java.time.LocalDate;

/**
 * The {@code session.update} for the conversation's current agent: its instructions with the caller and call context, its
 * tools on this channel, the call's audio formats, and the voice on a session's first update only.
 */
final class SessionUpdates {

    private SessionUpdates() {
    }

    static String forCurrentAgent(ConversationSetup setup, ConversationServices services, ConversationHistory history,
            boolean firstOfSession) {
        String instructions = new CallerContext(setup.caller(), LocalDate.now(services.clock()),
                history.callerContext(), setup.callContext()).render(history.agent());
        ObjectNode session = services.sessionConfig().session(setup.codec(), instructions, firstOfSession,
                history.agent().voice());
        session.set("tools", services.agentTools().toolsFor(history.agent(), setup.channelName()));
        return ClientEvents.sessionUpdate(session);
    }
}
