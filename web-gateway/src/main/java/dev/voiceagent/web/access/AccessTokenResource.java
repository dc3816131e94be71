package dev.voiceagent.web.access;

import dev.voiceagent.web.config.WebConfig;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code POST /v1/access-tokens}: a site's backend, authenticated with the issuer key, obtains a short-lived token
 * for the widget. Without an issuer key or a signing secret configured, tokens are not issued (404).
 */
@Path("/v1/access-tokens")
public class AccessTokenResource {

    private final WebConfig config;
    private final AccessPolicy policy;

    public AccessTokenResource(WebConfig config, AccessPolicy policy) {
        this.config = config;
        this.policy = policy;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@HeaderParam("Authorization") String authorization) {
        if (config.access().issuerKey().isEmpty() || policy.tokens().isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        String expected = "Bearer " + config.access().issuerKey().get();
        if (authorization == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8))) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        return Response.ok(policy.tokens().get().issue()).build();
    }
}
