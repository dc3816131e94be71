package dev.voiceagent.telephony.twilio;

import dev.voiceagent.telephony.metrics.GatewayMetrics;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Twilio's requests to this gateway (the voice webhook, the outbound call's callbacks): is the X-Twilio-Signature
 * over the public URL Twilio requested (path and query) and the form parameters genuine? A refusal is counted in
 * {@code voice_gateway_signature_failures_total{endpoint}} and logged in one line without the signature.
 */
@ApplicationScoped
public class TwilioWebhooks {

    private static final Logger LOG = Logger.getLogger(TwilioWebhooks.class);

    private final TwilioSignatures signatures;
    private final GatewayMetrics metrics;

    public TwilioWebhooks(TwilioSignatures signatures, GatewayMetrics metrics) {
        this.signatures = signatures;
        this.metrics = metrics;
    }

    /** True when checking is off or the signature matches; otherwise counted under {@code endpoint} and logged. */
    public boolean verified(String endpoint, HttpServerRequest request, Map<String, String> signedParams) {
        if (signatures.acceptsRequest(request, signedParams)) {
            return true;
        }
        metrics.signatureFailure(endpoint);
        LOG.warnf("refused a request to %s with a missing or invalid X-Twilio-Signature (from %s)", endpoint,
                request.remoteAddress());
        return false;
    }
}
