package dev.voiceagent.telephony.twilio;

import dev.voiceagent.session.CoreReachability;
import dev.voiceagent.telephony.call.ShutdownDrain;
import dev.voiceagent.telephony.core.CoreLink;
import dev.voiceagent.telephony.core.CoreLinkConfig;
import dev.voiceagent.telephony.core.PrewarmClient;
import dev.voiceagent.telephony.metrics.GatewayMetrics;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Twilio's voice webhook. Checks the signature, asks the core to pre-warm the call's session, and answers with
 * TwiML that connects a bidirectional media stream carrying the caller, the call SID and the session reference.
 * While no core is reachable it answers with an apology and a hang-up, or dials the configured fallback number.
 */
@Path("/incoming-call")
public class IncomingCallResource {

    private static final Logger LOG = Logger.getLogger(IncomingCallResource.class);

    private final TwilioConfig config;
    private final TwilioSignatures signatures;
    private final PrewarmClient prewarm;
    private final GatewayMetrics metrics;
    private final ShutdownDrain drain;
    private final CoreReachability core;
    private final CoreLinkConfig.Unavailable unavailable;
    private final StreamTickets tickets;

    public IncomingCallResource(TwilioConfig config, TwilioSignatures signatures, PrewarmClient prewarm,
            GatewayMetrics metrics, ShutdownDrain drain, CoreLink core, CoreLinkConfig coreConfig, StreamTickets tickets) {
        this.drain = drain;
        this.core = core.reachability();
        this.unavailable = coreConfig.unavailable();
        this.tickets = tickets;
        this.config = config;
        this.signatures = signatures;
        this.prewarm = prewarm;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public Uni<Response> post(MultivaluedMap<String, String> form, @Context HttpServerRequest request) {
        Map<String, String> params = TwilioSignatures.params(form);
        return answer(params, params, request);
    }

    /** Twilio can be set to use GET; the call facts are then in the query string, which the signature covers. */
    @GET
    @Produces(MediaType.TEXT_XML)
    public Uni<Response> get(@Context HttpServerRequest request) {
        Map<String, String> query = new HashMap<>();
        request.params().forEach(query::put);
        return answer(Map.of(), query, request);
    }

    private Uni<Response> answer(Map<String, String> signedParams, Map<String, String> call,
            HttpServerRequest request) {
        if (!signatures.acceptsRequest(request, signedParams)) {
            metrics.signatureFailure("incoming-call");
            LOG.warnf("refused a voice webhook with a missing or invalid X-Twilio-Signature (from %s)",
                    request.remoteAddress());
            return Uni.createFrom().item(Response.status(Response.Status.FORBIDDEN).build());
        }
        String caller = call.get("From");
        String callSid = call.get("CallSid");
        if (drain.isDraining()) {
            // Twilio treats a 5xx as a failed webhook and uses the number's fallback URL (another region, a message).
            metrics.callRefused("draining");
            LOG.infof("refused incoming call %s: this instance is shutting down", callSid);
            return Uni.createFrom().item(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "1").build());
        }
        if (!core.isReachable()) {
            return Uni.createFrom().item(withoutCore(callSid));
        }
        return Uni.createFrom().completionStage(prewarm.prewarm(caller, callSid).toCompletionStage())
                .flatMap(outcome -> {
                    metrics.prewarm(outcome.label());
                    if (!"failed".equals(outcome.label())) {
                        return Uni.createFrom().item(stream(caller, callSid, outcome));
                    }
                    // The core could not be asked: gone since the last probe, or only slow? Ask its readiness now.
                    return Uni.createFrom().completionStage(core.probe().toCompletionStage())
                            .map(reachable -> reachable ? stream(caller, callSid, outcome) : withoutCore(callSid));
                });
    }

    private Response stream(String caller, String callSid, PrewarmClient.Outcome outcome) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("From", caller);
        parameters.put("CallSid", callSid);
        parameters.put("session", outcome.sessionRef().orElse(null));
        parameters.put(StreamTickets.PARAMETER, tickets.issue(callSid).orElse(null));
        LOG.infof("incoming call %s from %s (pre-warm: %s)", callSid, CallerIds.mask(caller), outcome.label());
        return Response.ok(StreamTwiml.connect(config.mediaStreamUrl(), parameters), MediaType.TEXT_XML).build();
    }

    /** No core can take the call: Twilio is told to apologise and hang up, or to dial the fallback number. */
    private Response withoutCore(String callSid) {
        String answer = unavailable.fallbackNumber().isPresent() ? "dial" : "apology";
        metrics.callWithoutCore(answer);
        LOG.infof("incoming call %s answered with %s: no realtime-core reachable (%s)", callSid, answer,
                core.problem());
        String twiml = unavailable.fallbackNumber().map(UnavailableTwiml::dial)
                .orElseGet(() -> UnavailableTwiml.apologise(unavailable.message()));
        return Response.ok(twiml, MediaType.TEXT_XML).build();
    }
}
