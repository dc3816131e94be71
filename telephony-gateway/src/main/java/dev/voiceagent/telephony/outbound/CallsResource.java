package dev.voiceagent.telephony.outbound;

import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import dev.voiceagent.session.CoreReachability;
import dev.voiceagent.telephony.drain.ShutdownDrain;
import dev.voiceagent.telephony.core.CoreLink;
import dev.voiceagent.telephony.twilio.rest.TwilioRest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The outbound calls API, for the operator's own systems (a CRM, a scheduler) holding a bearer token of
 * {@code OUTBOUND_API_TOKENS} ({@link OutboundAccess} checks it before any of this runs).
 */
@Path("/v1/calls")
@Tag(name = "Outbound calls", description = "Place phone calls that an AI agent conducts")
@SecurityScheme(securitySchemeName = "outboundToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "One of the tokens in OUTBOUND_API_TOKENS")
@SecurityRequirement(name = "outboundToken")
@APIResponse(responseCode = "401", description = "No bearer token, or not one of OUTBOUND_API_TOKENS",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public class CallsResource {

    private static final Pattern CALL_SID = Pattern.compile("CA[0-9a-f]{32}");

    private final CallRequestCheck check;
    private final CallPlacer placer;
    private final CallLog log;
    private final TwilioRest rest;
    private final OutboundMetrics metrics;
    private final ShutdownDrain drain;
    private final CoreReachability core;

    public CallsResource(CallRequestCheck check, CallPlacer placer, CallLog log, TwilioRest rest,
            OutboundMetrics metrics, ShutdownDrain drain, CoreLink core) {
        this.check = check;
        this.placer = placer;
        this.log = log;
        this.rest = rest;
        this.metrics = metrics;
        this.drain = drain;
        this.core = core.reachability();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place a call", description = "Twilio calls `to` from `from`; when it is answered, the "
            + "agent talks, pre-warmed and with `context` added to its instructions. With `answeringMachine`, "
            + "Twilio's answering-machine detection waits for a machine's greeting to end, then the message is "
            + "left or the call hung up; a person is talked to normally. The call's progress: GET /v1/calls/{sid}.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CallRequest.class)))
    @APIResponse(responseCode = "201", description = "Twilio accepted the call (status queued)",
            content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "400", description = "The request is not as documented, or Twilio refused its "
            + "numbers (twilio_refused)", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "502", description = "Twilio could not be asked",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "No call can be taken now: no realtime-core reachable, "
            + "this instance is shutting down, or Twilio's REST API is not configured",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> place(String body) {
        CallRequestCheck.Result result = check.check(body);
        if (result instanceof CallRequestCheck.Invalid invalid) {
            metrics.badRequest(invalid.field());
            return done(new ApiError("bad_request", invalid.message()).as(400));
        }
        String unavailable = drain.isDraining() ? "this instance is shutting down; try again"
                : !core.isReachable() ? "no realtime-core is reachable, so no agent could talk"
                : !placer.isConfigured() ? "Twilio's REST API is not configured (TWILIO_ACCOUNT_SID)" : null;
        if (unavailable != null) {
            metrics.placement("unavailable");
            return done(new ApiError("unavailable", unavailable + "; the call was not placed").as(503));
        }
        return uni(placer.place(((CallRequestCheck.Valid) result).call()).map(placement -> switch (placement) {
            case CallPlacer.Placed placed -> Response.created(URI.create("/v1/calls/" + placed.sid()))
                    .type(MediaType.APPLICATION_JSON).entity(new CallView(placed.sid(), placed.status(), null, null,
                            null)).build();
            case CallPlacer.Refused refused -> new ApiError(refused.error(), refused.message()).as(refused.status());
        }));
    }

    @GET
    @Path("/{sid}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A call's latest status", description = "As this instance last heard from Twilio's "
            + "callbacks; a call it has not heard of is read from Twilio.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "404", description = "No such call",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> get(@PathParam("sid") String sid) {
        if (!CALL_SID.matcher(sid).matches()) {
            metrics.badRequest("sid");
            return done(new ApiError("bad_request", "a call SID is CA and 32 hexadecimal digits").as(400));
        }
        return log.latest(sid).map(entry -> done(Response.ok(CallView.of(entry)).build()))
                .orElseGet(() -> uni(rest.call(client -> Call.fetcher(sid).fetch(client))
                        .map(call -> Response.ok(new CallView(call.getSid(), String.valueOf(call.getStatus()),
                                call.getAnsweredBy(), call.getDuration(), null)).build())
                        .otherwise(failure -> failure instanceof ApiException api && api.getStatusCode() != null
                                && api.getStatusCode() == 404
                                        ? new ApiError("not_found", "no call " + sid).as(404)
                                        : new ApiError("twilio_unavailable", "the call is not known here and "
                                                + "Twilio could not be asked").as(502))));
    }

    private static Uni<Response> done(Response response) {
        return Uni.createFrom().item(response);
    }

    private static Uni<Response> uni(Future<Response> future) {
        return Uni.createFrom().completionStage(future.toCompletionStage());
    }
}
