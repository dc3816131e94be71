package dev.voiceagent.telephony.transfer;

import dev.voiceagent.telephony.call.StreamStart;
import dev.voiceagent.telephony.core.CoreLink;
import dev.voiceagent.telephony.metrics.GatewayMetrics;
import dev.voiceagent.telephony.twilio.SpokenTwiml;
import dev.voiceagent.telephony.twilio.StreamTickets;
import dev.voiceagent.telephony.twilio.StreamTwiml;
import dev.voiceagent.telephony.twilio.TwilioConfig;
import dev.voiceagent.telephony.twilio.TwilioSignatures;
import dev.voiceagent.telephony.twilio.TwilioWebhooks;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What Twilio asks during a transfer, each request checked like the voice webhook ({@code X-Twilio-Signature} over
 * the public URL and the form; 403 otherwise) and bound to its call by its signed token ({@link TransferTokens}):
 * the whisper of a warm transfer (the agent's summary, said to the person who answers), and the Dial's action,
 * which says how the dial ended. A caller the person did not take goes back to the agent on a new media stream
 * that resumes the conversation with the reason ({@code resume} and {@code handoff} parameters), or hears the
 * configured message; after a dial that reached the person, or that the caller left, the call hangs up.
 */
@Path("/transfer")
public class TransferCallbacks {

    static final String DIAL_RESULT = "/transfer/dial-result";
    static final String WHISPER = "/transfer/whisper";

    private static final Logger LOG = Logger.getLogger(TransferCallbacks.class);

    private final TwilioConfig twilio;
    private final TwilioWebhooks webhooks;
    private final TransferTokens tokens;
    private final TransferConfig config;
    private final StreamTickets tickets;
    private final GatewayMetrics metrics;
    private final CoreLink core;

    public TransferCallbacks(TwilioConfig twilio, TwilioWebhooks webhooks, TransferTokens tokens,
            TransferConfig config, StreamTickets tickets, GatewayMetrics metrics, CoreLink core) {
        this.twilio = twilio;
        this.webhooks = webhooks;
        this.tokens = tokens;
        this.config = config;
        this.tickets = tickets;
        this.metrics = metrics;
        this.core = core;
    }

    @POST
    @Path("/dial-result")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public Response dialResult(MultivaluedMap<String, String> form, @Context HttpServerRequest request) {
        Map<String, String> params = TwilioSignatures.params(form);
        Optional<TransferTokens.Dial> token = tokens.readDial(request.getParam("t"));
        String callSid = params.get("CallSid");
        if (!genuine(request, params, "dial-result", token.map(TransferTokens.Dial::callSid), callSid)) {
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        DialOutcome outcome = DialOutcome.of(params);
        if (outcome == null) {
            metrics.badInput("transfer_callback");
            LOG.warnf("call %s: a transfer's action callback without DialCallStatus or QueueResult", callSid);
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        metrics.transfer(outcome.label());
        if (!outcome.callerStillThere()) {
            LOG.infof("call %s: transfer ended: %s", callSid, outcome.label());
            return twiml(TransferTwiml.hangUp());
        }
        if (config.onNoAnswer() == TransferConfig.OnNoAnswer.MESSAGE || !core.reachability().isReachable()) {
            LOG.infof("call %s: transfer ended: %s; the caller hears the no-answer message", callSid, outcome.label());
            return twiml(SpokenTwiml.sayThen(config.noAnswerMessage(), Optional.empty(), Optional.empty()));
        }
        LOG.infof("call %s: transfer ended: %s; the caller goes back to the agent%s", callSid, outcome.label(),
                token.get().resumeToken() == null ? " in a new conversation (the core keeps no checkpoints)" : "");
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("From", params.get("From"));
        parameters.put("CallSid", callSid);
        parameters.put(StreamTickets.PARAMETER, tickets.issue(callSid).orElse(null));
        parameters.put(StreamStart.RESUME_PARAMETER, token.get().resumeToken());
        parameters.put(StreamStart.RETURN_PARAMETER, outcome.statusForCore());
        return twiml(StreamTwiml.connect(twilio.mediaStreamUrl(), parameters));
    }

    @POST
    @Path("/whisper")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public Response whisper(MultivaluedMap<String, String> form, @Context HttpServerRequest request) {
        Map<String, String> params = TwilioSignatures.params(form);
        Optional<TransferTokens.Whisper> token = tokens.readWhisper(request.getParam("w"));
        if (!genuine(request, params, "whisper", token.map(TransferTokens.Whisper::callSid),
                params.get("ParentCallSid"))) {
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        metrics.transfer("whispered");
        LOG.infof("call %s: the person answered and hears the agent's summary", params.get("ParentCallSid"));
        return twiml(TransferTwiml.whisper(token.get().text()));
    }

    /** Signed by Twilio, and its token issued by a gateway for the call it names. */
    private boolean genuine(HttpServerRequest request, Map<String, String> params, String endpoint,
            Optional<String> tokenCall, String callSid) {
        if (!webhooks.verified(endpoint, request, params)) {
            return false;
        }
        if (tokenCall.isEmpty() || !tokenCall.get().equals(callSid)) {
            metrics.badInput("transfer_token");
            LOG.warnf("refused a transfer %s callback whose token is not valid for its call (from %s)", endpoint,
                    request.remoteAddress());
            return false;
        }
        return true;
    }

    private static Response twiml(String twiml) {
        return Response.ok(twiml, MediaType.TEXT_XML).build();
    }
}
