package dev.voiceagent.core.session;

import dev.voiceagent.agents.AgentGraph;
import dev.voiceagent.agents.DemoAgents;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Beans the engine needs from outside it: the agent graph (validated at start-up) and the clock. */
public class EngineProducers {

    @Produces
    @Singleton
    AgentGraph agentGraph() {
        return DemoAgents.graph();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
