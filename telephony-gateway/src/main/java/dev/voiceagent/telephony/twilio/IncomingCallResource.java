package dev.voiceagent.telephony.twilio;

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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Twilio's voice webhook. Checks the signature, then answers the call ({@link CallAnswerer}): pre-warm and a
 * bidirectional media stream carrying the caller, the call SID and the session reference, or the fallback while no
 * core is reachable.
 */
@Path("/incoming-call")
public class IncomingCallResource {

    private final TwilioWebhooks webhooks;
    private final CallAnswerer answerer;

    public IncomingCallResource(TwilioWebhooks webhooks, CallAnswerer answerer) {
        this.webhooks = webhooks;
        this.answerer = answerer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    @Operation(hidden = true)
    public Uni<Response> post(MultivaluedMap<String, String> form, @Context HttpServerRequest request) {
        Map<String, String> params = TwilioSignatures.params(form);
        return answer(params, params, request);
    }

    /** Twilio can be set to use GET; the call facts are then in the query string, which the signature covers. */
    @GET
    @Produces(MediaType.TEXT_XML)
    @Operation(hidden = true)
    public Uni<Response> get(@Context HttpServerRequest request) {
        Map<String, String> query = new HashMap<>();
        request.params().forEach(query::put);
        return answer(Map.of(), query, request);
    }

    private Uni<Response> answer(Map<String, String> signedParams, Map<String, String> call,
            HttpServerRequest request) {
        if (!webhooks.verified("incoming-call", request, signedParams)) {
            return Uni.createFrom().item(Response.status(Response.Status.FORBIDDEN).build());
        }
        return answerer.answer(new CallAnswerer.Call(call.get("From"), call.get("CallSid"), "inbound", null, null));
    }
}
