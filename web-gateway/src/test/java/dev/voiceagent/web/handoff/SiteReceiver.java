package dev.voiceagent.web.handoff;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A site's backend receiving hand-off webhooks, verifying each as the README tells sites to: the signature header
 * {@code t=…,v1=…} recomputed with HMAC-SHA256 over timestamp, dot and raw body, compared in constant time, and a
 * timestamp no older than five minutes. Written from the README, not from the gateway's code. Answers with the
 * status the test scripts.
 */
public final class SiteReceiver implements AutoCloseable {

    /** A delivery as received: its headers' values, its body, and whether it verified. */
    public record Delivery(String id, String signature, String body, boolean verified) {
    }

    private final String secret;
    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile IntSupplier status = () -> 200;
    private volatile Promise<Void> hold;

    public SiteReceiver(Vertx vertx, String secret) {
        this.secret = secret;
        this.server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String signature = request.getHeader("Voice-Signature");
            deliveries.add(new Delivery(request.getHeader("Voice-Webhook-Id"), signature, body.toString(),
                    verifies(signature, body.toString())));
            Promise<Void> held = hold;
            (held == null ? io.vertx.core.Future.<Void>succeededFuture() : held.future())
                    .onComplete(v -> request.response().setStatusCode(status.getAsInt()).end());
        }));
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.actualPort() + "/hooks/voice-handoff");
    }

    /** Answers each delivery with the next status of {@code statuses} (the last one repeats). */
    public SiteReceiver answering(int... statuses) {
        int[] next = {0};
        status = () -> statuses[Math.min(next[0]++, statuses.length - 1)];
        return this;
    }

    /** Holds every answer until {@link #release()}. */
    public SiteReceiver holding() {
        hold = Promise.promise();
        return this;
    }

    public void release() {
        hold.complete();
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private boolean verifies(String header, String body) {
        if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return false;
        }
        String timestamp = header.substring(2, header.indexOf(','));
        String given = header.substring(header.indexOf("v1=") + 3);
        if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(given));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
