package dev.voiceagent.telephony.twilio;

import com.twilio.security.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * Checks X-Twilio-Signature with the Twilio SDK's validator, against the public URL Twilio signed. Off when no
 * auth token is configured (local development).
 */
@ApplicationScoped
public class TwilioSignatures {

    private final Optional<RequestValidator> validator;

    public TwilioSignatures(TwilioConfig config) {
        this.validator = config.authToken().filter(token -> !token.isBlank()).map(RequestValidator::new);
    }

    public boolean enabled() {
        return validator.isPresent();
    }

    /** True when checking is off, or the signature matches the URL and form parameters. */
    public boolean accepts(String publicUrl, Map<String, String> params, String signature) {
        return validator.map(v -> signature != null && v.validate(publicUrl, params, signature)).orElse(true);
    }
}
