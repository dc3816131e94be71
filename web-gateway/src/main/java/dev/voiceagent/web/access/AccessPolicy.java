package dev.voiceagent.web.access;

import dev.voiceagent.web.config.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.json.JSONException;
import org.json.JSONObject;

/** The web channel's admission rules for a Socket.IO CONNECT: the page's origin, then the access token if required. */
@ApplicationScoped
public class AccessPolicy implements ConnectAdmission {

    private final OriginPolicy origins;
    private final Optional<AccessTokens> tokens;
    private final boolean tokenRequired;

    public AccessPolicy(WebConfig config) {
        this.origins = new OriginPolicy(config.allowedOrigins().orElse(List.of()), config.allowLocalOrigins());
        this.tokenRequired = config.access().required();
        this.tokens = AccessTokens.from(config.access());
        if (tokenRequired && tokens.isEmpty()) {
            throw new IllegalStateException("web.access.required is true but no key verifies tokens: set "
                    + "WEB_ACCESS_SECRET (HS256) or WEB_ACCESS_PUBLIC_KEY (RS256)");
        }
    }

    public OriginPolicy origins() {
        return origins;
    }

    @Override
    public Optional<Refusal> check(String namespace, String auth, Map<String, List<String>> headers) {
        if (!origins.admits(header(headers, "origin"), header(headers, "host"))) {
            return Optional.of(new Refusal("origin", "origin not allowed"));
        }
        if (tokenRequired) {
            String token = token(auth);
            if (token == null) {
                return Optional.of(new Refusal("auth", "access token required"));
            }
            Optional<AccessTokens.Rejection> rejection = tokens.orElseThrow().check(token);
            if (rejection.isPresent()) {
                return Optional.of(new Refusal("auth", rejection.get().reason()));
            }
        }
        return Optional.empty();
    }

    private static String token(String auth) {
        if (auth.isEmpty()) {
            return null;
        }
        try {
            return new JSONObject(auth).optString("token", null);
        } catch (JSONException e) {
            return null;
        }
    }

    /** Header lookup ignoring case, as HTTP requires. */
    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }
}
