package dev.voiceagent.telephony.outbound;

import dev.voiceagent.telephony.twilio.CallAnswerer;
import dev.voiceagent.telephony.twilio.CallerIds;
import dev.voiceagent.telephony.twilio.TwilioSignatures;
import dev.voiceagent.telephony.twilio.TwilioWebhooks;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Twilio's requests about an outbound call (URLs from {@link OutboundCallbacks}), each signed with
 * X-Twilio-Signature over its URL and form (403 and counted otherwise): the TwiML once the call is answered, its
 * status changes, and the answering-machine verdict.
 */
@Path("/outbound-call")
public class OutboundCallbacksResource {

    private static final Logger LOG = Logger.getLogger(OutboundCallbacksResource.class);

    private final TwilioWebhooks webhooks;
    private final CallAnswerer answerer;
    private final CallLog log;
    private final OutboundMetrics metrics;
    private final AnsweringMachines machines;

    public OutboundCallbacksResource(TwilioWebhooks webhooks, CallAnswerer answerer, CallLog log,
            OutboundMetrics metrics, AnsweringMachines machines) {
        this.webhooks = webhooks;
        this.answerer = answerer;
        this.log = log;
        this.metrics = metrics;
        this.machines = machines;
    }

    /** The call was answered: the person called is the party on the line; the agent starts with the context. */
    @POST
    @Path("/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    @Operation(hidden = true)
    public Uni<Response> answer(MultivaluedMap<String, String> form, @QueryParam("agent") String agent,
            @QueryParam("context") String context, @Context HttpServerRequest request) {
        Map<String, String> params = TwilioSignatures.params(form);
        if (!webhooks.verified("outbound-answer", request, params)) {
            return Uni.createFrom().item(forbidden());
        }
        return answerer.answer(new CallAnswerer.Call(params.get("To"), params.get("CallSid"), "outbound", agent,
                OutboundCallbacks.decode(context).orElse(null)));
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response status(MultivaluedMap<String, String> form, @Context HttpServerRequest request) {
        Map<String, String> params = TwilioSignatures.params(form);
        if (!webhooks.verified("outbound-status", request, params)) {
            return forbidden();
        }
        String sid = params.get("CallSid");
        String status = params.get("CallStatus");
        if (sid == null || status == null) {
            metrics.badRequest("status_callback"); // not Twilio's: it always sends both
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        log.status(sid, status, params.get("CallDuration"));
        metrics.status(status);
        LOG.infof("outbound call %s to %s: %s%s", sid, CallerIds.mask(params.get("To")), status,
                params.containsKey("CallDuration") ? " after " + params.get("CallDuration") + " s" : "");
        return Response.noContent().build();
    }

    @POST
    @Path("/machine")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> machine(MultivaluedMap<String, String> form, @QueryParam("action") String action,
            @QueryParam("message") String message, @Context HttpServerRequest request) {
        Map<String, String> params = TwilioSignatures.params(form);
        if (!webhooks.verified("outbound-machine", request, params)) {
            return Uni.createFrom().item(forbidden());
        }
        OutboundCall.OnMachine onMachine = new OutboundCall.OnMachine(
                OutboundCall.OnMachine.LEAVE_MESSAGE.equals(action) ? action : OutboundCall.OnMachine.HANG_UP,
                OutboundCallbacks.decode(message).orElse(null));
        return Uni.createFrom().completionStage(machines.verdict(params.get("CallSid"), params.get("AnsweredBy"),
                onMachine).toCompletionStage()).map(done -> Response.noContent().build());
    }

    private static Response forbidden() {
        return Response.status(Response.Status.FORBIDDEN).build();
    }
}
