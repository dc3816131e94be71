package dev.voiceagent.telephony.twilio;

import dev.voiceagent.session.SignedTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Binds each media stream to the call whose webhook answered it, for one use. Twilio signs a stream's websocket
 * upgrade over the stream URL only, which is the same for every call (and Twilio allows no query string in it), so
 * a captured upgrade could be replayed at will. The webhook therefore hands Twilio a ticket as the stream parameter
 * {@value #PARAMETER}: the call SID and an expiry, signed with HMAC-SHA256. Twilio returns it in {@code start},
 * where it must be well signed, unexpired, name the call that starts, and not have been used on this instance.
 *
 * <p>The key is derived from the Twilio auth token, which every gateway of the account already has (the webhook on
 * one instance, the stream on another still agree); the prefix keeps it apart from Twilio's own use of the token.
 * Off, like the signature checks, when no auth token is configured.
 */
@ApplicationScoped
public class StreamTickets {

    public static final String PARAMETER = "ticket";

    /** What a ticket on {@code start} was found to be; the label names the refusal in metrics. */
    public enum Outcome {
        ACCEPTED("accepted"),
        MISSING("ticket_missing"),
        INVALID("ticket_invalid"),
        EXPIRED("ticket_expired"),
        WRONG_CALL("ticket_wrong_call"),
        USED("ticket_used");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Optional<SignedTokens> tokens;
    private final Duration ttl;
    private final Clock clock;
    /** Tickets used here, with their expiry, oldest first; each is forgotten once it could no longer pass. */
    private final Map<String, Long> used = new LinkedHashMap<>();

    @Inject
    public StreamTickets(TwilioConfig config) {
        this(config.authToken(), config.streamTicketTtl(), Clock.systemUTC());
    }

    /** @param clock wall time: the ticket is checked on whichever instance Twilio connects the stream to */
    public StreamTickets(Optional<String> authToken, Duration ttl, Clock clock) {
        this.tokens = authToken.filter(token -> !token.isBlank())
                .map(token -> new SignedTokens("twilio-stream-ticket:" + token));
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A ticket for the stream of this call; empty when tickets are off. */
    public Optional<String> issue(String callSid) {
        return tokens.map(t -> t.sign(callSid + "|" + (clock.millis() + ttl.toMillis())));
    }

    /** Checks and uses up the ticket a stream's {@code start} carried for {@code callSid}. */
    public Outcome redeem(String ticket, String callSid) {
        if (tokens.isEmpty()) {
            return Outcome.ACCEPTED;
        }
        if (ticket == null) {
            return Outcome.MISSING;
        }
        Optional<String> payload = tokens.get().verify(ticket);
        int bar = payload.map(p -> p.lastIndexOf('|')).orElse(-1);
        if (bar < 0) {
            return Outcome.INVALID;
        }
        long expiresAtMs;
        try {
            expiresAtMs = Long.parseLong(payload.get().substring(bar + 1));
        } catch (NumberFormatException e) {
            return Outcome.INVALID;
        }
        long now = clock.millis();
        if (now >= expiresAtMs) {
            return Outcome.EXPIRED;
        }
        if (!payload.get().substring(0, bar).equals(callSid)) {
            return Outcome.WRONG_CALL;
        }
        synchronized (used) {
            forgetExpired(now);
            return used.putIfAbsent(ticket, expiresAtMs) == null ? Outcome.ACCEPTED : Outcome.USED;
        }
    }

    /** Tickets remembered as used: those not expired yet. */
    int usedCount() {
        synchronized (used) {
            return used.size();
        }
    }

    private void forgetExpired(long now) {
        Iterator<Long> expiries = used.values().iterator();
        while (expiries.hasNext() && expiries.next() <= now) {
            expiries.remove();
        }
    }
}
