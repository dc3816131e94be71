package dev.voiceagent.web.access;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which browser origins may open the voice channel. Browsers always send Origin on websocket and cross-site
 * requests; a request without one does not come from a page, so it is not a cross-site threat.
 */
public final class OriginPolicy {

    private final List<String> allowed;
    private final boolean any;
    private final boolean local;

    /**
     * @param allowed exact origins ({@code https://shop.example.com}); empty means the gateway's own origin only
     * @param local whether pages on this machine ({@code http://localhost:*}, {@code http://127.0.0.1:*}) are allowed too
     */
    public OriginPolicy(List<String> allowed, boolean local) {
        this.allowed = allowed.stream().map(OriginPolicy::normalise).toList();
        this.any = allowed.contains("*");
        this.local = local;
    }

    /**
     * @param origin the request's Origin header, or null
     * @param host the request's Host header, or null
     */
    public boolean admits(String origin, String host) {
        if (origin == null || any) {
            return true;
        }
        String normalised = normalise(origin);
        if (local && isLocal(normalised)) {
            return true;
        }
        if (allowed.isEmpty()) {
            return host != null && sameHost(normalised, host);
        }
        return allowed.contains(normalised);
    }

    /** The configured list, for the Socket.IO library's CORS headers on long-polling. */
    public List<String> allowed() {
        return allowed;
    }

    public boolean allowsAny() {
        return any;
    }

    public boolean allowsLocal() {
        return local;
    }

    private static boolean isLocal(String origin) {
        try {
            URI uri = URI.create(origin);
            return "http".equals(uri.getScheme()) && uri.getRawPath().isEmpty() && uri.getRawUserInfo() == null
                    && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean sameHost(String origin, String host) {
        try {
            return host.toLowerCase(Locale.ROOT).equals(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalise(String origin) {
        String lower = origin.toLowerCase(Locale.ROOT);
        return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
