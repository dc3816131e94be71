package dev.voiceagent.core.access;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Refuses the upgrade of {@code /v1/conversations} (the core's only websocket) with 401 unless a gateway presents
 * its credential: nothing is opened for an anonymous client, not even the socket.
 */
@ApplicationScoped
public class ConversationsUpgradeCheck implements HttpUpgradeCheck {

    private static final Map<String, List<String>> CHALLENGE = Map.of("WWW-Authenticate",
            List.of(GatewayAccess.CHALLENGE));

    private final GatewayAccess access;

    public ConversationsUpgradeCheck(GatewayAccess access) {
        this.access = access;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        return access.admits(request.getHeader(HttpHeaders.AUTHORIZATION), "conversations",
                String.valueOf(request.remoteAddress()))
                ? CheckResult.permitUpgrade()
                : CheckResult.rejectUpgrade(401, CHALLENGE);
    }
}
