package dev.voiceagent.core.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * One trace per call: the conversation span joins the trace the gateway started (the webhook's, carried as
 * {@code traceparent} in {@code start}), with child spans for pre-warm, each turn, each tool call and each
 * hand-off. Spans are started and ended explicitly, since a conversation's work hops between callbacks on its event
 * loop where no OpenTelemetry context is current. With the SDK disabled (the local default) all of it is no-op.
 */
@Singleton
public class CallTracing {

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    public CallTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("dev.voiceagent.realtime-core");
    }

    /** The span of a whole conversation, a child of the gateway's span when {@code traceparent} is given. */
    public Span conversation(String traceparent, String channel, String agent) {
        Context parent = traceparent == null ? Context.root()
                : openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), traceparent, TRACEPARENT);
        return tracer.spanBuilder("conversation").setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute("voice.channel", channel).setAttribute("voice.agent", agent).startSpan();
    }

    /** A step of the conversation (pre-warm, turn, tool call, hand-off); the caller ends it. */
    public Span child(Span conversation, String name) {
        return tracer.spanBuilder(name).setParent(Context.root().with(conversation)).startSpan();
    }
}
