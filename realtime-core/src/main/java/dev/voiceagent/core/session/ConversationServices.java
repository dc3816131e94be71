package dev.voiceagent.core.session;

import dev.voiceagent.agents.AgentGraph;
import dev.voiceagent.core.checkpoint.CheckpointStore;
import dev.voiceagent.core.checkpoint.ResumeTokens;
import dev.voiceagent.core.config.CoreConfig;
import dev.voiceagent.core.config.OpenAiConfig;
import dev.voiceagent.session.DrainConfig;
import dev.voiceagent.core.handoff.AgentTools;
import dev.voiceagent.core.mcp.McpServers;
import dev.voiceagent.core.mcp.ToolsConfig;
import dev.voiceagent.core.metrics.CoreMetrics;
import dev.voiceagent.core.metrics.ReconnectMetrics;
import dev.voiceagent.core.model.RealtimeModel;
import dev.voiceagent.core.openai.SessionConfigFactory;
import dev.voiceagent.core.settings.SessionSettings;
import dev.voiceagent.core.tracing.CallTracing;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiConsumer;

/** The application-wide collaborators a conversation uses; none of them holds per-conversation state. */
record ConversationServices(AgentGraph agents, CheckpointStore checkpoints, Optional<ResumeTokens> resumeTokens,
        RealtimeModel model, SessionConfigFactory sessionConfig, SessionSettings settings, CoreMetrics metrics,
        OpenAiConfig openAi, CoreConfig core, AgentTools agentTools, McpServers mcp, ToolsConfig tools,
        Clock clock, DrainConfig drain, CallTracing tracing, ReconnectMetrics reconnects,
        BiConsumer<Conversation, String> onEnded) {

    void ended(Conversation conversation, String reason) {
        onEnded.accept(conversation, reason);
    }
}
