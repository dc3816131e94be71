package dev.voiceagent.web.widget;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Serves the embeddable widget at {@value #PATH}: the one script a site includes. It is assembled once, at start-up,
 * from the official socket.io-client and the widget's sources (in {@code src/main/resources/widget}), inside one
 * function: the page gets {@code window.VoiceWidget} and nothing else, the client's {@code io} stays private, and
 * a page's own Socket.IO client or AMD loader is left alone. Public, like any script a page loads.
 */
@Singleton
public class WidgetScript {

    public static final String PATH = "/voice-widget.js";
    /** The file npm publishes as socket.io-client/dist/socket.io.min.js, unchanged. */
    public static final String CLIENT = "widget/socket.io-4.8.3.min.js";
    /** In dependency order: the widget file uses what the ones before it define. */
    private static final List<String> SOURCES = List.of("widget/widget-state.js", "widget/widget-style.js",
            "widget/widget-audio.js", "widget/voice-widget.js");
    /** The client's last line points at a source map the gateway does not serve. */
    private static final Pattern SOURCE_MAP = Pattern.compile("(?m)^//# sourceMappingURL=.*$");

    private final Buffer body;
    private final String etag;

    public WidgetScript() {
        byte[] script = assemble().getBytes(StandardCharsets.UTF_8);
        this.body = Buffer.buffer(script);
        this.etag = '"' + HexFormat.of().formatHex(sha256(script), 0, 16) + '"';
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        // Revalidated on every load (cheap with the ETag), so a new version reaches pages at once.
        HttpServerResponse response = context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/javascript; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader(HttpHeaders.ETAG, etag)
                .putHeader("X-Content-Type-Options", "nosniff")
                // Sites that isolate themselves (Cross-Origin-Embedder-Policy) may still load it.
                .putHeader("Cross-Origin-Resource-Policy", "cross-origin");
        if (etag.equals(context.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatusCode(304).end();
        } else {
            response.end(body);
        }
    }

    /**
     * The client runs with a {@code module} of its own, so its UMD wrapper exports there instead of setting a
     * global {@code io} or calling a page's {@code define}; the widget's sources run strict, with {@code io} in scope.
     */
    static String assemble() {
        StringBuilder script = new StringBuilder()
                .append("/*! voice-widget.js: VoiceWidget.mount({target, server, getToken}); bundles socket.io-client ")
                .append("4.8.3 (MIT License, notice below) */\n")
                .append("(function () {\nvar module = { exports: {} };\nvar exports = module.exports;\n")
                .append(SOURCE_MAP.matcher(resource(CLIENT)).replaceAll("").stripTrailing())
                .append("\n;(function (io) {\n'use strict';\n");
        SOURCES.forEach(source -> script.append(resource(source)).append('\n'));
        return script.append("}(module.exports));\n}());\n").toString();
    }

    private static String resource(String name) {
        try (InputStream in = WidgetScript.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
