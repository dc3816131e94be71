package dev.voiceagent.telephony.twilio;

import dev.voiceagent.telephony.metrics.GatewayMetrics;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/** Twilio signs the media stream's websocket upgrade too; a forged upgrade is refused before it is a socket. */
@ApplicationScoped
public class MediaStreamSignatureCheck implements HttpUpgradeCheck {

    private static final Logger LOG = Logger.getLogger(MediaStreamSignatureCheck.class);

    private final TwilioConfig config;
    private final TwilioSignatures signatures;
    private final GatewayMetrics metrics;

    public MediaStreamSignatureCheck(TwilioConfig config, TwilioSignatures signatures, GatewayMetrics metrics) {
        this.config = config;
        this.signatures = signatures;
        this.metrics = metrics;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return signatures.enabled();
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String signature = context.httpRequest().getHeader("X-Twilio-Signature");
        if (signatures.accepts(config.mediaStreamUrl().toString(), Map.of(), signature)) {
            return CheckResult.permitUpgrade();
        }
        metrics.signatureFailure("media-stream");
        LOG.warnf("refused a media stream upgrade with a missing or invalid X-Twilio-Signature (from %s)",
                context.httpRequest().remoteAddress());
        return CheckResult.rejectUpgrade(403);
    }
}
