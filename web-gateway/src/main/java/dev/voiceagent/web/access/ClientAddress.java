package dev.voiceagent.web.access;

/**
 * The address a client's limits are counted by. Behind an ingress controller every request comes from the
 * controller, which appends the real peer to {@code X-Forwarded-For}: its last entry is the one a client cannot
 * forge, as long as only the controller can reach the pods.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * @param peer the TCP peer's address
     * @param forwardedFor the request's {@code X-Forwarded-For} header, or null
     * @param trustForwarded whether a trusted proxy sets that header ({@code web.trust-forwarded-for})
     */
    public static String of(String peer, String forwardedFor, boolean trustForwarded) {
        if (trustForwarded && forwardedFor != null && !forwardedFor.isBlank()) {
            String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).trim();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return peer == null ? "unknown" : peer;
    }
}
