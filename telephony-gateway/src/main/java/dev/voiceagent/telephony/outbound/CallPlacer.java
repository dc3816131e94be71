package dev.voiceagent.telephony.outbound;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.type.PhoneNumber;
import dev.voiceagent.telephony.twilio.CallerIds;
import dev.voiceagent.telephony.twilio.rest.TwilioRest;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Places a checked call with Twilio's REST API ({@code Call.creator(to, from, url)}): Twilio fetches the TwiML from
 * {@link OutboundCallbacks#answerUrl} once the call is answered (the same stream path as an inbound call), from
 * any gateway instance (the fallback URL is the same: a draining instance's 503 sends Twilio to another), posts
 * every status change to {@link OutboundCallbacks#statusUrl}, and, when asked, runs asynchronous answering-machine
 * detection that waits for the greeting's end and posts its verdict to {@link OutboundCallbacks#machineUrl}.
 */
@ApplicationScoped
public class CallPlacer {

    /** What Twilio answered: a call (its SID and first status), or a refusal as this API reports it. */
    public sealed interface Placement {
    }

    public record Placed(String sid, String status) implements Placement {
    }

    /** @param status the HTTP status for our client: 400 when Twilio refused the request's numbers, else 502 */
    public record Refused(int status, String error, String message) implements Placement {
    }

    static final List<String> STATUS_EVENTS = List.of("initiated", "ringing", "answered", "completed");
    private static final Logger LOG = Logger.getLogger(CallPlacer.class);

    private final TwilioRest rest;
    private final OutboundCallbacks callbacks;
    private final OutboundMetrics metrics;
    private final CallLog log;

    public CallPlacer(TwilioRest rest, OutboundCallbacks callbacks, OutboundMetrics metrics, CallLog log) {
        this.rest = rest;
        this.callbacks = callbacks;
        this.metrics = metrics;
        this.log = log;
    }

    public boolean isConfigured() {
        return rest.isConfigured();
    }

    /** Never fails: Twilio's refusal or absence becomes a {@link Refused}. */
    public Future<Placement> place(OutboundCall call) {
        URI answer = callbacks.answerUrl(call);
        CallCreator creator = Call.creator(new PhoneNumber(call.to()), new PhoneNumber(call.from()), answer)
                .setMethod(HttpMethod.POST)
                .setFallbackUrl(answer).setFallbackMethod(HttpMethod.POST)
                .setStatusCallback(callbacks.statusUrl()).setStatusCallbackMethod(HttpMethod.POST)
                .setStatusCallbackEvent(STATUS_EVENTS);
        call.machine().ifPresent(onMachine -> creator.setMachineDetection("DetectMessageEnd").setAsyncAmd("true")
                .setAsyncAmdStatusCallback(callbacks.machineUrl(onMachine))
                .setAsyncAmdStatusCallbackMethod(HttpMethod.POST));
        return rest.call(creator::create).<Placement>map(placed -> {
            String status = placed.getStatus() == null ? "queued" : placed.getStatus().toString();
            log.status(placed.getSid(), status, null);
            metrics.placement("placed");
            LOG.infof("placed outbound call %s to %s for agent %s%s", placed.getSid(), CallerIds.mask(call.to()),
                    call.agent(), call.machine().map(m -> " (on a machine: " + m.action() + ")").orElse(""));
            return new Placed(placed.getSid(), status);
        }).otherwise(this::refused);
    }

    private Placement refused(Throwable failure) {
        if (failure instanceof ApiException api && api.getStatusCode() != null && api.getStatusCode() == 400) {
            metrics.placement("refused");
            LOG.infof("Twilio refused an outbound call: %s (code %s)", api.getMessage(), api.getCode());
            return new Refused(400, "twilio_refused", "Twilio refused the call (code " + api.getCode() + "): "
                    + api.getMessage());
        }
        metrics.placement("failed");
        LOG.warnf("could not place an outbound call with Twilio: %s", failure.getMessage());
        return new Refused(502, "twilio_unavailable", "Twilio could not be asked to place the call");
    }
}
