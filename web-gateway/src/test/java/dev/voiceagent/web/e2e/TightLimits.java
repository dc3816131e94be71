package dev.voiceagent.web.e2e;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Small limits, so tests reach them with a few clients; behind a trusted proxy, so each test chooses its clients'
 * addresses with {@code X-Forwarded-For}.
 */
public class TightLimits implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("web.trust-forwarded-for", "true",
                "web.limits.connections-per-address", "3",
                "web.limits.sessions-per-address", "2",
                "web.limits.max-sessions", "3",
                "web.limits.connect-timeout", "1s",
                "web.limits.session-start-timeout", "8s", // long enough for a slow machine to open three sockets
                "web.limits.outbound-audio", "1s");
    }
}
