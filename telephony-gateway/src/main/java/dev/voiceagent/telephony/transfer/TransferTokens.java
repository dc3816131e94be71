package dev.voiceagent.telephony.transfer;

import dev.voiceagent.session.SignedTokens;
import dev.voiceagent.telephony.twilio.TwilioConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a transfer's callback URLs carry, signed, so that any gateway instance Twilio calls back can act without
 * shared state: the Dial action's token names the call and the conversation's resume token; the whisper's names
 * the call and the text. Twilio signs the whole URL too; this binds each token to its call and its purpose. The
 * key is derived from the Twilio auth token, which every gateway of the account has (like stream tickets); without
 * one (no REST API, nothing is dialled) a key of this process's own.
 */
@Singleton
public class TransferTokens {

    /** A Dial action's token: the call, and the token that resumes its conversation (or null). */
    record Dial(String callSid, String resumeToken) {
    }

    /** A whisper's token: the call it was dialled for, and what the person hears. */
    record Whisper(String callSid, String text) {
    }

    private final SignedTokens tokens;

    @Inject
    public TransferTokens(TwilioConfig config) {
        this(config.authToken());
    }

    TransferTokens(Optional<String> authToken) {
        this.tokens = new SignedTokens("twilio-transfer:" + authToken.filter(token -> !token.isBlank())
                .orElseGet(() -> HexFormat.of().formatHex(new SecureRandom().generateSeed(24))));
    }

    String dial(String callSid, String resumeToken) {
        return tokens.sign("dial|" + callSid + "|" + (resumeToken == null ? "" : resumeToken));
    }

    String whisper(String callSid, String text) {
        return tokens.sign("whisper|" + callSid + "|" + text);
    }

    Optional<Dial> readDial(String token) {
        return parts(token, "dial").map(parts -> new Dial(parts[1], parts[2].isEmpty() ? null : parts[2]));
    }

    Optional<Whisper> readWhisper(String token) {
        return parts(token, "whisper").map(parts -> new Whisper(parts[1], parts[2]));
    }

    private Optional<String[]> parts(String token, String purpose) {
        return tokens.verify(token).map(payload -> payload.split("\\|", 3))
                .filter(parts -> parts.length == 3 && parts[0].equals(purpose));
    }
}
