package dev.voiceagent.telephony.call;

import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.Twiml;
import dev.voiceagent.telephony.core.CoreLinkConfig;
import dev.voiceagent.telephony.metrics.GatewayMetrics;
import dev.voiceagent.telephony.twilio.UnavailableTwiml;
import dev.voiceagent.telephony.twilio.rest.TwilioRest;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Hands a call whose stream got no conversation (the model refused a session, the core refused or could not be
 * reached) back to Twilio with the REST API: the running TwiML is replaced by {@link UnavailableTwiml}, said in the
 * configured voice, then dialled on or hung up. Counted in {@code voice_gateway_fallbacks_total{reason,answer}}.
 */
@ApplicationScoped
public class TwilioFallback implements FallbackPort {

    private static final Logger LOG = Logger.getLogger(TwilioFallback.class);

    private final TwilioRest rest;
    private final GatewayMetrics metrics;
    private final CoreLinkConfig.Unavailable unavailable;

    public TwilioFallback(TwilioRest rest, GatewayMetrics metrics, CoreLinkConfig core) {
        this.rest = rest;
        this.metrics = metrics;
        this.unavailable = core.unavailable();
    }

    @Override
    public Future<Boolean> takeOver(String callSid, String reason) {
        String kind = kind(reason);
        if (!rest.isConfigured()) {
            metrics.fallback(kind, "unavailable");
            LOG.warnf("call %s got no conversation (%s) and Twilio's REST API is not configured "
                    + "(TWILIO_ACCOUNT_SID): the call is hung up without a word", callSid, reason);
            return Future.succeededFuture(false);
        }
        String answer = UnavailableTwiml.answer(unavailable);
        String twiml = UnavailableTwiml.render(unavailable);
        return rest.call(client -> Call.updater(callSid).setTwiml(new Twiml(twiml)).update(client))
                .map(updated -> {
                    metrics.fallback(kind, answer);
                    LOG.infof("call %s got no conversation (%s): answered with %s", callSid, reason, answer);
                    return true;
                })
                .otherwise(failure -> {
                    metrics.fallback(kind, "failed");
                    LOG.warnf("call %s got no conversation (%s) and Twilio could not be told: %s", callSid, reason,
                            failure.getMessage());
                    return false;
                });
    }

    /** A bounded label for the core's reason. */
    static String kind(String reason) {
        if ("core_unreachable".equals(reason)) {
            return reason;
        }
        return reason != null && reason.startsWith("upstream_") ? "model_refused" : "core_refused";
    }
}
