package dev.voiceagent.telephony.outbound;

import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.Twiml;
import dev.voiceagent.telephony.twilio.SpokenTwiml;
import dev.voiceagent.telephony.twilio.rest.TwilioRest;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Acts on Twilio's answering-machine verdict for an outbound call. On a machine whose greeting has ended
 * ({@code machine_end_beep}, {@code machine_end_silence}, {@code machine_end_other}) the call's running TwiML (the
 * media stream to the agent) is replaced through the REST API by the message, said in the configured voice, and a
 * hang-up, or by a hang-up alone: Twilio stops the stream, so the agent's conversation ends cleanly. A fax is hung
 * up on. A person ({@code human}) or no verdict ({@code unknown}) goes on talking to the agent. Every verdict is
 * counted with what was done and logged in one line.
 */
@ApplicationScoped
public class AnsweringMachines {

    private static final Logger LOG = Logger.getLogger(AnsweringMachines.class);

    private final TwilioRest rest;
    private final CallLog log;
    private final OutboundMetrics metrics;
    private final Optional<String> voice;

    public AnsweringMachines(TwilioRest rest, CallLog log, OutboundMetrics metrics, OutboundConfig config) {
        this.rest = rest;
        this.log = log;
        this.metrics = metrics;
        this.voice = config.answeringMachine().voice();
    }

    /** Never fails; completes once the call has been moved (or could not be). */
    public Future<Void> verdict(String callSid, String answeredBy, OutboundCall.OnMachine onMachine) {
        log.answeredBy(callSid, answeredBy);
        boolean machine = answeredBy != null && answeredBy.startsWith("machine_end_");
        if (!machine && !"fax".equals(answeredBy)) {
            return done(callSid, answeredBy, "talk");
        }
        boolean leaveMessage = machine && onMachine.leavesMessage();
        // <Say voice>message</Say><Hangup/>, or a hang-up alone.
        String twiml = SpokenTwiml.sayThen(leaveMessage ? onMachine.message() : null, voice, Optional.empty());
        return rest.call(client -> Call.updater(callSid).setTwiml(new Twiml(twiml)).update(client))
                .compose(updated -> done(callSid, answeredBy, leaveMessage ? "message_left" : "hung_up"),
                        failure -> {
                            LOG.warnf("outbound call %s: could not act on the answering machine: %s", callSid,
                                    failure.getMessage());
                            return done(callSid, answeredBy, "update_failed");
                        });
    }

    private Future<Void> done(String callSid, String answeredBy, String action) {
        metrics.answeredBy(answeredBy, action);
        LOG.infof("outbound call %s answered by %s: %s", callSid, answeredBy, action.replace('_', ' '));
        return Future.succeededFuture();
    }
}
