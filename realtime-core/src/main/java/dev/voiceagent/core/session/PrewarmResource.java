package dev.voiceagent.core.session;

import dev.voiceagent.session.SessionMessage;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Vertx;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** {@code POST /v1/prewarm}: open the upstream session while the phone network is still connecting the call. */
@Path("/v1/prewarm")
public class PrewarmResource {

    private final ConversationRegistry registry;

    public PrewarmResource(ConversationRegistry registry) {
        this.registry = registry;
    }

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response prewarm(SessionMessage.Start start) {
        if (start == null || start.version() != SessionMessage.VERSION || start.codec() == null
                || start.channel() == null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Map.of("error", "protocol", "message", "expected a version 1 start message")).build();
        }
        return switch (registry.prewarm(start, Vertx.currentContext())) {
            case ConversationRegistry.Issued issued -> Response.status(Response.Status.CREATED)
                    .entity(Map.of("sessionRef", issued.sessionRef(), "expiresInMs", issued.expiresInMs())).build();
            case ConversationRegistry.Refused refused -> Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(Map.of("error", refused.refusal().code(), "message", refused.refusal().message())).build();
        };
    }
}
