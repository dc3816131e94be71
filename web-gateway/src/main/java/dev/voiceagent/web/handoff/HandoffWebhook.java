package dev.voiceagent.web.handoff;

import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.web.metrics.WebMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.json.JSONObject;

/**
 * Tells the site's backend that a visitor asked for a person: a JSON POST to {@code web.handoff.webhook-url}, signed
 * ({@link WebhookSignature}), with the agent's reason and summary. Never blocks an event loop: the delivery is the
 * Vert.x client's, retried on network errors, timeouts, 408, 429 and 5xx with a doubling backoff, at most
 * {@code web.handoff.max-attempts} times; every outcome is counted and logged in one line.
 */
@Singleton
public class HandoffWebhook {

    private static final Logger LOG = Logger.getLogger(HandoffWebhook.class);

    private final Vertx vertx;
    private final HandoffConfig config;
    private final WebMetrics metrics;
    private final Clock clock;
    private final Optional<WebhookSignature> signature;
    private final HttpClient client;

    @Inject
    public HandoffWebhook(Vertx vertx, HandoffConfig config, WebMetrics metrics) {
        this(vertx, config, metrics, Clock.systemUTC());
    }

    HandoffWebhook(Vertx vertx, HandoffConfig config, WebMetrics metrics, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        if (config.webhookUrl().isPresent() && config.webhookSecret().filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("web.handoff.webhook-url is set without web.handoff.webhook-secret "
                    + "(WEB_HANDOFF_WEBHOOK_SECRET): the site could not tell real hand-offs from forged ones");
        }
        this.signature = config.webhookSecret().filter(s -> !s.isBlank()).map(WebhookSignature::new);
        this.client = vertx.createHttpClient();
    }

    /** Sends the hand-off of {@code conversationId} to the site, in the background. */
    public void deliver(String conversationId, SessionMessage.HandoffHuman handoff) {
        if (config.webhookUrl().isEmpty()) {
            metrics.handoff("no_webhook");
            LOG.infof("conversation %s: the visitor was handed to a person; no web.handoff.webhook-url to tell",
                    conversationId);
            return;
        }
        String id = UUID.randomUUID().toString();
        String body = new JSONObject().put("type", "human_handoff").put("id", id)
                .put("created", clock.instant().getEpochSecond()).put("conversationId", conversationId)
                .put("reason", handoff.reason()).put("summary", handoff.summary())
                .put("target", handoff.target() == null ? JSONObject.NULL : handoff.target()).toString();
        attempt(config.webhookUrl().get(), id, body, conversationId, 1);
    }

    private void attempt(URI url, String id, String body, String conversationId, int attempt) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url.toString())
                .setTimeout(config.timeout().toMillis()).putHeader("Content-Type", "application/json")
                .putHeader("Voice-Webhook-Id", id)
                .putHeader(WebhookSignature.HEADER, signature.get().header(clock.instant().getEpochSecond(), body));
        client.request(request).compose(req -> req.send(body)).compose(response -> response.body().map(b -> response))
                .onComplete(result -> {
                    int status = result.succeeded() ? result.result().statusCode() : 0;
                    if (status >= 200 && status < 300) {
                        metrics.handoff("delivered");
                        LOG.infof("conversation %s: hand-off %s delivered to the site (attempt %d)", conversationId,
                                id, attempt);
                    } else if (retryable(status) && attempt < config.maxAttempts()) {
                        long wait = config.retryBackoff().toMillis() << (attempt - 1);
                        vertx.setTimer(Math.max(1, wait), t -> attempt(url, id, body, conversationId, attempt + 1));
                    } else {
                        metrics.handoff("failed");
                        LOG.warnf("conversation %s: hand-off %s not delivered to the site after %d attempts: %s",
                                conversationId, id, attempt, result.succeeded() ? "HTTP " + status
                                        : result.cause().getClass().getSimpleName() + ": "
                                                + result.cause().getMessage());
                    }
                });
    }

    /** No answer (a network error, a timeout), 408, 429 or a server error: worth another attempt. */
    private static boolean retryable(int status) {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
