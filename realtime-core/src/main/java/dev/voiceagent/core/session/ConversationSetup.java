package dev.voiceagent.core.session;

import dev.voiceagent.agents.Agent;
import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;

/**
 * What a conversation is opened with, fixed for its lifetime.
 *
 * @param agent the agent it starts with
 * @param phoneSession what the booking system knows of the caller (asked for while the session opens)
 * @param traceparent the gateway's W3C trace context, or null
 * @param callContext what the system that placed the call wants the agent to know ({@code start.context}), or null
 */
record ConversationSetup(Channel channel, AudioCodec codec, String caller, String callId, Agent agent,
        CallerLookup phoneSession, boolean prewarmed, String traceparent, String callContext) {

    String channelName() {
        return channel.name().toLowerCase(java.util.Locale.ROOT);
    }
}
