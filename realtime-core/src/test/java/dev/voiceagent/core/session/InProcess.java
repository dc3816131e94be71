package dev.voiceagent.core.session;

import dev.voiceagent.agents.AgentGraph;
import dev.voiceagent.agents.DemoAgents;
import dev.voiceagent.core.checkpoint.Checkpoint;
import dev.voiceagent.core.checkpoint.CheckpointStore;
import dev.voiceagent.core.checkpoint.InMemoryCheckpointStore;
import dev.voiceagent.core.checkpoint.ResumeTokens;
import dev.voiceagent.core.config.CoreConfig;
import dev.voiceagent.session.DrainConfig;
import dev.voiceagent.core.config.OpenAiConfig;
import dev.voiceagent.core.handoff.AgentTools;
import dev.voiceagent.core.mcp.McpServers;
import dev.voiceagent.core.mcp.ToolsConfig;
import dev.voiceagent.core.metrics.CoreMetrics;
import dev.voiceagent.core.metrics.ReconnectMetrics;
import dev.voiceagent.core.openai.SessionConfigFactory;
import dev.voiceagent.core.settings.SessionSettings;
import dev.voiceagent.core.settings.SessionSettingsConfig;
import dev.voiceagent.core.tracing.CallTracing;
import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.quarkus.runtime.configuration.DurationConverter;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One conversation in process, no Quarkus and no sockets: the real {@link Conversation} with the fake model, a
 * recording gateway and a manual loop, configured from the same {@code @ConfigMapping}s and defaults as in production.
 */
final class InProcess {

    final Transcript transcript = new Transcript();
    final ManualLoop loop = new ManualLoop();
    final FakeModel model = new FakeModel(transcript);
    final RecordingGateway gateway = new RecordingGateway(transcript);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<String> endings = new ArrayList<>();
    private final Map<String, String> properties = new HashMap<>(Map.of("quarkus.http.port", "8081",
            "openai.api-key", "sk-test"));
    static final String SECRET = "in-process-test-secret";
    private String callerContext;
    int resumedLookups;
    private String callContext;
    CheckpointStore checkpoints = new InMemoryCheckpointStore(loop.clock, Duration.ofMinutes(10));
    final ResumeTokens tokens = new ResumeTokens(SECRET, loop.clock, Duration.ofMinutes(10));
    private final AgentGraph graph = DemoAgents.graph();
    Conversation conversation;

    InProcess with(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** What the caller-ID lookup finds. */
    InProcess callerContext(String context) {
        this.callerContext = context;
        return this;
    }

    /** What the system that placed the call wants the agent to know ({@code start.context}). */
    InProcess callContext(String context) {
        this.callContext = context;
        return this;
    }

    /** Builds the conversation of a phone call, attaches the gateway and opens the upstream session. */
    InProcess phoneCall() {
        conversation = new Conversation("conv-1", setup(CallerLookup.answered(callerContext)), services(), loop);
        conversation.attach(gateway);
        conversation.open();
        return this;
    }

    /** Continues conversation {@code id} from what {@code loading} finds, as a core does on a resuming start. */
    InProcess resumed(String id, Future<Optional<Checkpoint>> loading) {
        // The caller is looked up only if the conversation begins afresh; resumedLookups counts the asking.
        conversation = new Conversation(id, setup(new CallerLookup(() -> {
            resumedLookups++;
            return Future.succeededFuture(callerContext);
        })), services(), loop);
        conversation.attach(gateway);
        conversation.resume(loading);
        return this;
    }

    InProcess checkpoints(CheckpointStore store) {
        this.checkpoints = store;
        return this;
    }

    private ConversationSetup setup(CallerLookup phoneSession) {
        return new ConversationSetup(Channel.PHONE, AudioCodec.PCMU, "+14155550100", "CA1",
                graph.entryAgent("phone"), phoneSession, false, null, callContext);
    }

    private ConversationServices services() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(CoreConfig.class).withMapping(OpenAiConfig.class).withMapping(ToolsConfig.class)
                .withMapping(DrainConfig.class).withMapping(SessionSettingsConfig.class).withDefaultValues(properties)
                .build();
        OpenAiConfig openAi = config.getConfigMapping(OpenAiConfig.class);
        ToolsConfig tools = config.getConfigMapping(ToolsConfig.class);
        CoreMetrics metrics = new CoreMetrics(meters);
        McpServers mcp = new McpServers(tools, graph, null, metrics);
        SessionSettings settings = new SessionSettings(config.getConfigMapping(SessionSettingsConfig.class));
        return new ConversationServices(graph, checkpoints, Optional.of(tokens), model,
                new SessionConfigFactory(settings), settings, metrics, openAi,
                config.getConfigMapping(CoreConfig.class), new AgentTools(graph, mcp), mcp, tools, loop.clock,
                config.getConfigMapping(DrainConfig.class), new CallTracing(OpenTelemetry.noop()),
                new ReconnectMetrics(meters), (c, reason) -> endings.add(reason));
    }

    /** The first session opened and configured, the greeting requested and answered; the transcript is reset. */
    InProcess ready() {
        phoneCall();
        model.session(0).createdAndUpdated();
        model.session(0).responseCreated("resp_greeting");
        model.session(0).responseDone("resp_greeting", "completed");
        transcript.sinceLast();
        return this;
    }

    double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
