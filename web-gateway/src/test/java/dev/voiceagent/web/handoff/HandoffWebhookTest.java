package dev.voiceagent.web.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.web.metrics.WebMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The site's webhook: signed as documented, retried when worth it, never waited for. */
class HandoffWebhookTest {

    private static final String SECRET = "site-webhook-secret-0123456789";
    private static final SessionMessage.HandoffHuman HANDOFF =
            new SessionMessage.HandoffHuman("wants a person", "Sam asks about a refund for order 1234.", "billing");

    private final Vertx vertx = Vertx.vertx();
    private final SiteReceiver site = new SiteReceiver(vertx, SECRET);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        site.close();
        vertx.close();
    }

    private HandoffWebhook webhook(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of("web.handoff.webhook-url", site.url().toString(),
                "web.handoff.webhook-secret", SECRET, "web.handoff.retry-backoff", "20ms"));
        properties.putAll(overrides);
        HandoffConfig config = new SmallRyeConfigBuilder().withMapping(HandoffConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build()
                .getConfigMapping(HandoffConfig.class);
        return new HandoffWebhook(vertx, config, new WebMetrics(registry));
    }

    private double outcome(String label) {
        var counter = registry.find("voice.web.handoffs").tag("outcome", label).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theSiteGetsTheAgentsSummarySignedAsTheReadmeSays() {
        webhook(Map.of()).deliver("conv-9", HANDOFF);

        await().until(() -> outcome("delivered") == 1);
        SiteReceiver.Delivery delivery = site.deliveries().get(0);
        assertThat(delivery.verified()).isTrue();
        JSONObject body = new JSONObject(delivery.body());
        assertThat(body.getString("type")).isEqualTo("human_handoff");
        assertThat(body.getString("id")).isEqualTo(delivery.id());
        assertThat(body.getString("conversationId")).isEqualTo("conv-9");
        assertThat(body.getString("reason")).isEqualTo("wants a person");
        assertThat(body.getString("summary")).isEqualTo("Sam asks about a refund for order 1234.");
        assertThat(body.getString("target")).isEqualTo("billing");
        assertThat(body.getLong("created")).isPositive();
    }

    @Test
    void aSiteThatFailsIsTriedAgainWithTheSameIdUntilItTakesIt() {
        site.answering(503, 500, 200);
        webhook(Map.of()).deliver("conv-9", HANDOFF);

        await().until(() -> outcome("delivered") == 1);
        assertThat(site.deliveries()).hasSize(3).allMatch(SiteReceiver.Delivery::verified);
        assertThat(site.deliveries()).extracting(SiteReceiver.Delivery::id).containsOnly(site.deliveries().get(0).id());
    }

    @Test
    void aRefusalIsNotRetriedAndRetriesAreBounded() {
        site.answering(400);
        webhook(Map.of()).deliver("conv-9", HANDOFF);
        await().until(() -> outcome("failed") == 1);
        assertThat(site.deliveries()).hasSize(1);

        site.answering(503);
        webhook(Map.of("web.handoff.max-attempts", "3")).deliver("conv-10", HANDOFF);
        await().until(() -> outcome("failed") == 2);
        assertThat(site.deliveries()).hasSize(4);
    }

    @Test
    void aSiteThatCannotBeReachedCostsNothingButTheDelivery() {
        webhook(Map.of("web.handoff.webhook-url", "http://127.0.0.1:9/hooks", "web.handoff.max-attempts", "2"))
                .deliver("conv-9", HANDOFF);
        await().until(() -> outcome("failed") == 1);
    }

    @Test
    void theEventLoopNeverWaitsForTheSite() throws Exception {
        site.holding();
        HandoffWebhook webhook = webhook(Map.of());
        CompletableFuture<Void> returned = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            webhook.deliver("conv-9", HANDOFF);
            returned.complete(null);
        });
        returned.get(5, TimeUnit.SECONDS);
        await().until(() -> site.deliveries().size() == 1);
        assertThat(outcome("delivered")).as("the site has not answered yet").isZero();
        site.release();
        await().until(() -> outcome("delivered") == 1);
    }

    @Test
    void aWebhookWithoutASecretStopsStartUpAndNoneAtAllOnlyCounts() {
        assertThatThrownBy(() -> webhook(Map.of("web.handoff.webhook-secret", "")))
                .hasMessageContaining("WEB_HANDOFF_WEBHOOK_SECRET");
        assertThatThrownBy(() -> webhook(Map.of("web.handoff.webhook-secret", "short")))
                .hasMessageContaining("16 characters");
        HandoffWebhook none = new HandoffWebhook(vertx, new SmallRyeConfigBuilder().withMapping(HandoffConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()).build()
                .getConfigMapping(HandoffConfig.class), new WebMetrics(registry));
        none.deliver("conv-9", HANDOFF);
        assertThat(outcome("no_webhook")).isEqualTo(1);
        assertThat(site.deliveries()).isEmpty();
    }
}
