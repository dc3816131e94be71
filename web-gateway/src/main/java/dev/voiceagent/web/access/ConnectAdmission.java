package dev.voiceagent.web.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decides whether a Socket.IO namespace CONNECT is let through. */
@FunctionalInterface
public interface ConnectAdmission {

    /** Why a CONNECT was refused: a metric label, and the reason the client reads in CONNECT_ERROR. */
    record Refusal(String kind, String reason) {
    }

    /**
     * @param auth the CONNECT's auth payload as JSON text, or an empty string
     * @param headers the headers of the request that opened the Engine.IO connection
     */
    Optional<Refusal> check(String namespace, String auth, Map<String, List<String>> headers);
}
