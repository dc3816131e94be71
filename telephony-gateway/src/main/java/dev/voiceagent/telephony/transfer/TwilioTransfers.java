package dev.voiceagent.telephony.transfer;

import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.Twiml;
import dev.voiceagent.telephony.call.TransferPort;
import dev.voiceagent.telephony.metrics.GatewayMetrics;
import dev.voiceagent.telephony.twilio.TwilioConfig;
import dev.voiceagent.telephony.twilio.rest.TwilioRest;
import io.vertx.core.Future;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Moves a live call to a person with Twilio's REST API: {@code Call.updater(sid).setTwiml(<Dial>…)}, which replaces
 * the running {@code <Connect><Stream>} (the stream stops). The Dial's action URL and the whisper URL are this
 * gateway's ({@link TransferCallbacks}). Without REST credentials nothing is dialled: the TwiML it would have sent is
 * logged, and the agent is told the transfer failed. Every outcome is counted and logged in one line.
 */
@Singleton
public class TwilioTransfers implements TransferPort {

    private static final Logger LOG = Logger.getLogger(TwilioTransfers.class);

    private final TwilioRest rest;
    private final TransferConfig config;
    private final TransferTargets targets;
    private final TransferTokens tokens;
    private final GatewayMetrics metrics;
    private final TwilioConfig twilio;

    public TwilioTransfers(TwilioRest rest, TransferConfig config, TransferTargets targets, TransferTokens tokens,
            GatewayMetrics metrics, TwilioConfig twilio) {
        this.rest = rest;
        this.config = config;
        this.targets = targets;
        this.tokens = tokens;
        this.metrics = metrics;
        this.twilio = twilio;
    }

    @Override
    public Future<Void> move(Transfer transfer) {
        Optional<TransferTarget> target = targets.resolve(transfer.target());
        if (target.isEmpty()) {
            metrics.transfer("no_target");
            LOG.warnf("call %s: no transfer target is configured (voice.transfer.target%s)", transfer.callSid(),
                    transfer.target() == null ? "" : ", or voice.transfer.targets." + transfer.target());
            return Future.failedFuture("no person can be reached from this line");
        }
        String twiml = twiml(transfer, target.get());
        if (!rest.isConfigured()) {
            metrics.transfer("dry_run");
            LOG.infof("call %s: Twilio's REST API is not configured (TWILIO_ACCOUNT_SID); the transfer to %s would "
                    + "have updated the call with %s", transfer.callSid(), target.get().describe(), twiml);
            return Future.failedFuture("transfers are not configured on this line");
        }
        return rest.call(client -> Call.updater(transfer.callSid()).setTwiml(new Twiml(twiml)).update(client))
                .<Void>mapEmpty()
                .onSuccess(moved -> {
                    metrics.transfer("dialing");
                    LOG.infof("call %s: moved to %s (%s transfer)", transfer.callSid(), target.get().describe(),
                            whispers(target.get()) ? "warm" : "cold");
                })
                .recover(failure -> {
                    metrics.transfer("rest_failed");
                    LOG.warnf("call %s: Twilio did not move the call to %s: %s", transfer.callSid(),
                            target.get().describe(), describe(failure));
                    return Future.failedFuture("the call could not be moved");
                });
    }

    private String twiml(Transfer transfer, TransferTarget target) {
        URI action = URI.create(twilio.publicUrlOf(TransferCallbacks.DIAL_RESULT + "?t="
                + tokens.dial(transfer.callSid(), transfer.resumeToken())));
        URI whisper = whispers(target) ? URI.create(twilio.publicUrlOf(TransferCallbacks.WHISPER + "?w="
                + tokens.whisper(transfer.callSid(), whisperText(transfer)))) : null;
        return TransferTwiml.dial(target, action, whisper, (int) config.dialTimeout().toSeconds(),
                config.callerId().filter(id -> !id.isBlank()).orElse(null));
    }

    private boolean whispers(TransferTarget target) {
        return config.warm() && !(target instanceof TransferTarget.Queue);
    }

    /** The intro, the agent's summary (cut to fit the TwiML) and its reason. */
    private String whisperText(Transfer transfer) {
        String summary = transfer.summary() == null ? "" : transfer.summary().strip();
        if (summary.length() > config.maxSummaryChars()) {
            summary = summary.substring(0, config.maxSummaryChars()) + "…";
        }
        return config.whisperIntro() + " " + summary + " Reason: " + transfer.reason() + ".";
    }

    /** Twilio's code and status when it refused; never the request, which carries the credentials' header. */
    private static String describe(Throwable failure) {
        return failure instanceof ApiException api && api.getCode() != null
                ? "Twilio error " + api.getCode() + " (HTTP " + api.getStatusCode() + "): " + api.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
