package dev.voiceagent.core.session;

import dev.voiceagent.agents.Agent;
import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;

/** What a conversation is opened with, fixed for its lifetime. */
record ConversationSetup(Channel channel, AudioCodec codec, String callId, Agent agent, String instructions,
        boolean prewarmed) {
}
