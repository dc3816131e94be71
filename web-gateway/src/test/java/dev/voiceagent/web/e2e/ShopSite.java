package dev.voiceagent.web.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.voiceagent.web.access.MintedTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A site on another origin (http://127.0.0.1:&lt;port&gt;, the gateway being on localhost) that embeds the widget as
 * the README says: a page with one script tag from the gateway and a mount call, and a backend that mints access
 * tokens for its visitors (with jose4j, as any site would with its JWT library). The gateway under test is
 * configured to allow exactly this origin and to require tokens signed with {@link #SECRET}.
 */
public class ShopSite implements QuarkusTestResourceLifecycleManager {

    static final String SECRET = "shop-site-web-access-secret-32-bytes!";
    /** The element ids of the shop's own page: the widget must add none. */
    static final String[] PAGE_IDS = {"shop-title", "voice"};

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>A travel shop</title>
              <style>.status, .toggle { color: rgb(255, 0, 0); font-size: 40px; } button { background: yellow; }</style>
            </head>
            <body>
            <h1 id="shop-title">A travel shop</h1>
            <p class="status">The shop's own status line, which the shop styles red.</p>
            <div id="voice"></div>
            <script>var globalsBefore; globalsBefore = Object.getOwnPropertyNames(window);</script>
            <script src="%1$svoice-widget.js"></script>
            <script>
              window.addedGlobals = Object.getOwnPropertyNames(window).filter(name => !globalsBefore.includes(name));
              VoiceWidget.mount({
                target: '#voice',
                server: '%1$s',
                getToken: () => fetch('/voice-token').then(response => response.text()),
              });
            </script>
            </body>
            </html>
            """;

    private static final AtomicInteger TOKENS_ISSUED = new AtomicInteger();
    private static volatile URI origin;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/shop", this::page);
        server.createContext("/voice-token", this::token);
        server.start();
        origin = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return Map.of("web.allowed-origins", origin.toString(), "web.allow-local-origins", "false",
                "web.access.required", "true", "web.access.secret", SECRET);
    }

    /** The shop's page, embedding the widget from this gateway. */
    static URI page(URI gateway) {
        return origin.resolve("/shop?gateway=" + URLEncoder.encode(gateway.toString(), StandardCharsets.UTF_8));
    }

    static int tokensIssued() {
        return TOKENS_ISSUED.get();
    }

    private void page(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        URI gateway = URI.create(URLDecoder.decode(query.substring("gateway=".length()), StandardCharsets.UTF_8));
        respond(exchange, "text/html; charset=utf-8", PAGE.formatted(gateway.resolve("/")));
    }

    private void token(HttpExchange exchange) throws IOException {
        try {
            String token = MintedTokens.hs256(SECRET, "voice-web", 300, null);
            TOKENS_ISSUED.incrementAndGet();
            respond(exchange, "text/plain", token);
        } catch (org.jose4j.lang.JoseException e) {
            throw new IOException(e);
        }
    }

    private static void respond(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
