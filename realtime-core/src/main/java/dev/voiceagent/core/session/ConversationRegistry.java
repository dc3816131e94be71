package dev.voiceagent.core.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voiceagent.agents.Agent;
import dev.voiceagent.agents.AgentGraph;
import dev.voiceagent.agents.ToolReference;
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
import dev.voiceagent.session.Channel;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.session.SessionReference;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The conversations this instance runs: opens them within the session limit, keeps pre-warmed ones until their
 * media stream claims them, and forgets them when they end. The only state shared between conversations is this
 * index; each conversation's own state is confined to its event loop.
 */
@ApplicationScoped
public class ConversationRegistry {

    private static final Logger LOG = Logger.getLogger(ConversationRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a conversation could not be opened, in words a gateway can relay. */
    public record Refusal(String code, String message) {
    }

    public sealed interface Opened {
    }

    public record Accepted(Conversation conversation) implements Opened {
    }

    public sealed interface Prewarmed {
    }

    public record Refused(Refusal refusal) implements Opened, Prewarmed {
    }

    /** A signed reference any gateway instance can use to claim the pre-warmed conversation here. */
    public record Issued(String sessionRef, long expiresInMs) implements Prewarmed {
    }

    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final Map<String, Long> prewarmTimers = new ConcurrentHashMap<>();
    private final AtomicInteger reserved = new AtomicInteger();
    private volatile boolean accepting = true;
    private final AgentGraph agents;
    private final CoreConfig config;
    private final CoreMetrics metrics;
    private final Optional<SessionReference> references;
    private final Clock clock;
    private final ConversationServices services;
    private final McpServers mcp;
    private final ToolsConfig tools;
    private final ReconnectMetrics reconnects;
    private final Optional<ResumeTokens> resumeTokens;

    public ConversationRegistry(AgentGraph agents, CoreConfig config, OpenAiConfig openAi, CoreMetrics metrics,
            RealtimeModel model, SessionConfigFactory sessionConfig, SessionSettings settings, AgentTools agentTools,
            McpServers mcp, ToolsConfig tools, Clock clock, DrainConfig drain, CallTracing tracing,
            ReconnectMetrics reconnects, CheckpointStore checkpoints, Optional<ResumeTokens> resumeTokens) {
        this.agents = agents;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.mcp = mcp;
        this.tools = tools;
        this.references = config.sessionRefSecret().map(secret -> new SessionReference(secret, clock));
        this.reconnects = reconnects;
        this.resumeTokens = resumeTokens;
        this.services = new ConversationServices(agents, checkpoints, resumeTokens, model, sessionConfig, settings,
                metrics, openAi, config, agentTools, mcp, tools, clock, drain, tracing, reconnects, this::ended);
        metrics.activeSessions(conversations::size);
    }

    /** Opens a conversation whose gateway is already connected, on that gateway's event loop. */
    public Opened open(SessionMessage.Start start, Context context) {
        return create(start, context, false, null);
    }

    /**
     * Continues a conversation whose gateway lost its core (this one or another): {@code start.resume} must be a
     * genuine, unexpired resume token; the conversation's checkpoint is loaded and a new upstream session gets it.
     */
    public Opened resume(SessionMessage.Start start, Context context) {
        Optional<String> id = resumeTokens.flatMap(tokens -> tokens.verify(start.resume()));
        if (id.isEmpty() || conversations.containsKey(id.get())) {
            reconnects.resume("failed");
            return refuse(new Refusal("resume_failed", id.isEmpty() ? "the resume token is not valid or has expired"
                    : "the conversation is still running here"));
        }
        return create(start, context, false, id.get());
    }

    /** Opens a conversation before its media stream exists, so the caller's first turn does not wait for it. */
    public Prewarmed prewarm(SessionMessage.Start start, Context context) {
        if (references.isEmpty()) {
            return new Refused(new Refusal("prewarm_disabled", "no session reference secret is configured"));
        }
        Opened opened = create(start, context, true, null);
        if (opened instanceof Refused refused) {
            return refused;
        }
        Conversation conversation = ((Accepted) opened).conversation();
        long now = clock.millis();
        long timeout = config.prewarmTimeout().toMillis();
        prewarmTimers.put(conversation.id(), context.owner().setTimer(timeout, t -> {
            prewarmTimers.remove(conversation.id());
            if (!conversation.isAttached()) {
                metrics.prewarm("expired");
                conversation.end("prewarm_expired");
            }
        }));
        metrics.prewarm("opened");
        return new Issued(references.get().sign(new SessionReference.Claims(conversation.id(),
                config.advertisedUrl(), now, now + timeout)), timeout);
    }

    /** The pre-warmed conversation a reference points to, if it is valid, still open and unclaimed. */
    public Optional<Conversation> claim(String sessionRef) {
        return references.flatMap(r -> r.verify(sessionRef))
                .map(claims -> conversations.get(claims.sessionId()))
                .filter(conversation -> {
                    Long timer = prewarmTimers.remove(conversation.id());
                    return timer != null && !conversation.isAttached();
                })
                .map(conversation -> {
                    metrics.prewarm("claimed");
                    return conversation;
                });
    }

    public boolean hasCapacity() {
        return reserved.get() < config.maxSessions();
    }

    /** Whether new conversations are taken at all; false once the instance drains. */
    public boolean isAccepting() {
        return accepting;
    }

    /** The instance drains: new conversations and pre-warms are refused, active ones go on. */
    public void stopAccepting() {
        accepting = false;
    }

    /** Ends every conversation after a spoken goodbye (bounded by {@code timeout}). */
    public void farewellAll(String reason, Duration timeout) {
        conversations.values().forEach(conversation -> conversation.farewell(reason, timeout));
    }

    public int active() {
        return conversations.size();
    }

    private Opened create(SessionMessage.Start start, Context context, boolean prewarm, String resumeId) {
        Optional<Agent> agent = start.agent() == null
                ? entryAgent(start)
                : agents.agent(start.agent());
        if (!accepting) {
            return refuse(new Refusal("draining", "this instance is shutting down; try another"));
        }
        if (agent.isEmpty()) {
            return refuse(new Refusal("unknown_agent", "no agent '" + start.agent() + "' for channel "
                    + start.channel()));
        }
        if (start.context() != null && start.context().length() > SessionMessage.Start.MAX_CONTEXT_CHARS) {
            return refuse(new Refusal("context_too_large", "the call context is over "
                    + SessionMessage.Start.MAX_CONTEXT_CHARS + " characters"));
        }
        if (reserved.incrementAndGet() > config.maxSessions()) {
            reserved.decrementAndGet();
            return refuse(new Refusal("capacity", "this instance already runs its limit of "
                    + config.maxSessions() + " conversations"));
        }
        CallerLookup callerLookup = lookUpPhoneSession(start, context);
        ConversationSetup setup = new ConversationSetup(start.channel(), start.codec(), start.caller(),
                start.callId(), agent.get(), resumeId == null ? callerLookup.started() : callerLookup, prewarm,
                start.traceparent(), start.context());
        Conversation conversation = new Conversation(resumeId == null ? UUID.randomUUID().toString() : resumeId,
                setup, services, new VertxConversationLoop(context));
        conversations.put(conversation.id(), conversation);
        metrics.sessionStarted(channelName(start), prewarm);
        LOG.infof("conversation %s %s: channel %s, agent %s%s", conversation.id(),
                resumeId == null ? "started" : "resuming", channelName(start), agent.get().name(),
                prewarm ? ", pre-warmed" : "");
        if (resumeId == null) {
            context.runOnContext(v -> conversation.open());
        } else {
            context.runOnContext(v -> conversation.resume(services.checkpoints().load(resumeId)));
        }
        return new Accepted(conversation);
    }

    /**
     * What the booking system knows of a phone caller, fetched while the upstream session opens so the greeting can
     * use it without a tool round trip. Bounded by a timeout; no answer means no context, never a failed call.
     */
    private CallerLookup lookUpPhoneSession(SessionMessage.Start start, Context context) {
        if (start.channel() != Channel.PHONE || start.caller() == null) {
            return CallerLookup.answered(null);
        }
        return new CallerLookup(() -> askPhoneSession(start, context));
    }

    private Future<String> askPhoneSession(SessionMessage.Start start, Context context) {
        ToolsConfig.PhoneSession lookup = tools.phoneSession();
        String arguments = JSON.createObjectNode().put("phoneNumber", start.caller()).toString();
        Promise<String> result = Promise.promise();
        long timer = context.owner().setTimer(lookup.timeout().toMillis(), t -> result.tryComplete(null));
        mcp.call(new ToolReference(lookup.server(), lookup.tool()), arguments).onComplete(outcome -> {
            context.owner().cancelTimer(timer);
            result.tryComplete(outcome.succeeded() && !outcome.result().isError() ? outcome.result().text() : null);
        });
        return result.future();
    }

    private Optional<Agent> entryAgent(SessionMessage.Start start) {
        try {
            return Optional.of(agents.entryAgent(channelName(start)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Opened refuse(Refusal refusal) {
        metrics.sessionRefused(refusal.code());
        return new Refused(refusal);
    }

    private void ended(Conversation conversation, String reason) {
        if (conversations.remove(conversation.id()) != null) {
            reserved.decrementAndGet();
            metrics.sessionEnded(reason);
        }
        prewarmTimers.remove(conversation.id());
    }

    private static String channelName(SessionMessage.Start start) {
        return start.channel().name().toLowerCase(java.util.Locale.ROOT);
    }
}
