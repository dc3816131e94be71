package dev.voiceagent.web.call;

import dev.voiceagent.session.CoreConnections;
import dev.voiceagent.session.InternalCredentials;
import dev.voiceagent.web.access.Capacity;
import dev.voiceagent.web.config.WebConfig;
import dev.voiceagent.web.handoff.HandoffWebhook;
import dev.voiceagent.web.metrics.WebMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What every web conversation uses: configuration, metrics, and the shared client for core sockets. */
@Singleton
public class CallServices {

    private final WebConfig config;
    private final WebMetrics metrics;
    private final Vertx vertx;
    private final CoreConnections coreConnections;
    private final ShutdownDrain drain;
    private final Capacity capacity;
    private final HandoffWebhook handoffs;

    private final OpenTelemetry openTelemetry;

    /** @param internalSecret signs the credential presented to realtime-core on every core socket */
    public CallServices(WebConfig config, WebMetrics metrics, Vertx vertx, ShutdownDrain drain,
            OpenTelemetry openTelemetry, Capacity capacity, HandoffWebhook handoffs,
            @ConfigProperty(name = InternalCredentials.SECRET_KEY) Optional<String> internalSecret) {
        this.handoffs = handoffs;
        this.openTelemetry = openTelemetry;
        this.capacity = capacity;
        this.config = config;
        this.drain = drain;
        this.metrics = metrics;
        this.vertx = vertx;
        this.coreConnections = new CoreConnections(vertx, InternalCredentials.forCore(internalSecret));
    }

    /** Starts the span of a web session; its W3C context goes to the core in {@code start}, so one trace covers both. */
    Span startSessionSpan() {
        return openTelemetry.getTracer("dev.voiceagent.web-gateway").spanBuilder("web session")
                .setSpanKind(SpanKind.SERVER).startSpan();
    }

    String traceparentOf(Span span) {
        Map<String, String> carrier = new HashMap<>(2);
        openTelemetry.getPropagators().getTextMapPropagator()
                .inject(Context.root().with(span), carrier, Map::put);
        return carrier.get("traceparent");
    }

    public ShutdownDrain drain() {
        return drain;
    }

    public HandoffWebhook handoffs() {
        return handoffs;
    }

    public Capacity capacity() {
        return capacity;
    }

    public WebConfig config() {
        return config;
    }

    public WebMetrics metrics() {
        return metrics;
    }

    public Vertx vertx() {
        return vertx;
    }

    public CoreConnections coreConnections() {
        return coreConnections;
    }

    @PreDestroy
    void close() {
        coreConnections.close();
    }
}
