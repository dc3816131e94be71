package dev.voiceagent.telephony.transfer;

import dev.voiceagent.telephony.twilio.CallerIds;
import java.util.regex.Pattern;

/** Where a transfer dials: a phone number, a SIP address, or a queue a person takes callers from. */
sealed interface TransferTarget {

    record Number(String e164) implements TransferTarget {
    }

    record Sip(String uri) implements TransferTarget {
    }

    record Queue(String name) implements TransferTarget {
    }

    Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    Pattern SIP = Pattern.compile("sips?:[^@\\s]+@[^\\s]+");
    Pattern QUEUE = Pattern.compile("queue:([A-Za-z0-9_.-]{1,64})");

    /** Reads a configured target; a malformed one names itself (and stops start-up). */
    static TransferTarget parse(String name, String value) {
        String text = value.trim();
        if (E164.matcher(text).matches()) {
            return new Number(text);
        }
        if (SIP.matcher(text).matches()) {
            return new Sip(text);
        }
        var queue = QUEUE.matcher(text);
        if (queue.matches()) {
            return new Queue(queue.group(1));
        }
        throw new IllegalArgumentException("transfer target " + name + " ('" + value + "') is neither an E.164 "
                + "number (+15005550006), a SIP URI (sip:desk@pbx.example.com) nor a queue (queue:support)");
    }

    /** For logs: numbers masked, like callers'. */
    default String describe() {
        return switch (this) {
            case Number number -> "number " + CallerIds.mask(number.e164());
            case Sip sip -> "SIP address " + sip.uri().replaceAll(":[^@]*@", ":***@");
            case Queue queue -> "queue " + queue.name();
        };
    }
}
