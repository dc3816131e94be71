package dev.voiceagent.telephony.twilio;

import com.twilio.security.RequestValidator;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks X-Twilio-Signature with the Twilio SDK's validator, against the public URL Twilio signed. Off when no
 * auth token is configured (local development).
 */
@ApplicationScoped
public class TwilioSignatures {

    private final Optional<RequestValidator> validator;
    private final TwilioConfig config;

    public TwilioSignatures(TwilioConfig config) {
        this.config = config;
        this.validator = config.authToken().filter(token -> !token.isBlank()).map(RequestValidator::new);
    }

    public boolean enabled() {
        return validator.isPresent();
    }

    /** True when checking is off, or the signature matches the URL and form parameters. */
    public boolean accepts(String publicUrl, Map<String, String> params, String signature) {
        return validator.map(v -> signature != null && v.validate(publicUrl, params, signature)).orElse(true);
    }

    /** True when checking is off, or Twilio signed this request: its public URL (path and query) and its form. */
    public boolean acceptsRequest(HttpServerRequest request, Map<String, String> params) {
        return accepts(config.publicUrlOf(request.uri()), params, request.getHeader("X-Twilio-Signature"));
    }

    /** A form as Twilio signs it: the first value of each parameter. */
    public static Map<String, String> params(MultivaluedMap<String, String> form) {
        Map<String, String> params = new HashMap<>();
        form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        return params;
    }
}
