package dev.voiceagent.telephony.twilio;

import dev.voiceagent.session.CoreReachability;
import dev.voiceagent.telephony.drain.ShutdownDrain;
import dev.voiceagent.telephony.core.CoreLink;
import dev.voiceagent.telephony.core.CoreLinkConfig;
import dev.voiceagent.telephony.core.PrewarmClient;
import dev.voiceagent.telephony.metrics.GatewayMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Answers a call Twilio asks TwiML for, inbound or outbound alike: asks the core to pre-warm the call's session and
 * answers with a media stream carrying the call facts and the session reference. While no core is reachable it
 * answers with {@link UnavailableTwiml}; while this instance drains, with 503.
 */
@ApplicationScoped
public class CallAnswerer {

    /** Stream parameters: the call's facts as the media stream's {@code start} brings them back. */
    public static final String AGENT = "agent";
    public static final String CONTEXT = "context";

    /**
     * A call to answer.
     *
     * @param party the person on the line: the caller of an inbound call, the person called of an outbound one
     * @param agent the agent to start with, or null for the phone channel's entry agent
     * @param context what the system that placed the call wants the agent to know, or null
     */
    public record Call(String party, String callSid, String direction, String agent, String context) {
    }

    private static final Logger LOG = Logger.getLogger(CallAnswerer.class);

    private final TwilioConfig config;
    private final PrewarmClient prewarm;
    private final GatewayMetrics metrics;
    private final ShutdownDrain drain;
    private final CoreReachability core;
    private final CoreLinkConfig.Unavailable unavailable;
    private final StreamTickets tickets;

    public CallAnswerer(TwilioConfig config, PrewarmClient prewarm, GatewayMetrics metrics, ShutdownDrain drain,
            CoreLink core, CoreLinkConfig coreConfig, StreamTickets tickets) {
        this.config = config;
        this.prewarm = prewarm;
        this.metrics = metrics;
        this.drain = drain;
        this.core = core.reachability();
        this.unavailable = coreConfig.unavailable();
        this.tickets = tickets;
    }

    public Uni<Response> answer(Call call) {
        if (drain.isDraining()) {
            // Twilio treats a 5xx as a failed webhook and uses the fallback URL (another instance, another region).
            metrics.callRefused("draining");
            LOG.infof("refused %s call %s: this instance is shutting down", call.direction(), call.callSid());
            return Uni.createFrom().item(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "1").build());
        }
        if (!core.isReachable()) {
            return Uni.createFrom().item(withoutCore(call));
        }
        return Uni.createFrom().completionStage(prewarm.prewarm(call.party(), call.callSid(), call.agent(),
                call.context()).toCompletionStage())
                .flatMap(outcome -> {
                    metrics.prewarm(outcome.label());
                    if (!"failed".equals(outcome.label())) {
                        return Uni.createFrom().item(stream(call, outcome));
                    }
                    // The core could not be asked: gone since the last probe, or only slow? Ask its readiness now.
                    return Uni.createFrom().completionStage(core.probe().toCompletionStage())
                            .map(reachable -> reachable ? stream(call, outcome) : withoutCore(call));
                });
    }

    private Response stream(Call call, PrewarmClient.Outcome outcome) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("From", call.party());
        parameters.put("CallSid", call.callSid());
        parameters.put("session", outcome.sessionRef().orElse(null));
        parameters.put(StreamTickets.PARAMETER, tickets.issue(call.callSid()).orElse(null));
        // Sent again in the stream's start, so a call that was not pre-warmed, or is resumed elsewhere, keeps them.
        parameters.put(AGENT, call.agent());
        parameters.put(CONTEXT, call.context());
        LOG.infof("%s call %s with %s (pre-warm: %s)", call.direction(), call.callSid(), CallerIds.mask(call.party()),
                outcome.label());
        return Response.ok(StreamTwiml.connect(config.mediaStreamUrl(), parameters), MediaType.TEXT_XML).build();
    }

    /** No core can take the call: Twilio is told to say so, then to hang up or dial the fallback number. */
    private Response withoutCore(Call call) {
        String answer = UnavailableTwiml.answer(unavailable);
        metrics.callWithoutCore(answer);
        LOG.infof("%s call %s answered with %s: no realtime-core reachable (%s)", call.direction(), call.callSid(),
                answer, core.problem());
        return Response.ok(UnavailableTwiml.render(unavailable), MediaType.TEXT_XML).build();
    }
}
