package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One trace per call: the core's spans join the gateway's trace context and cover open, tools and hand-offs. */
@QuarkusTest
@TestProfile(TracingTest.Profile.class)
@QuarkusTestResource(FakeOpenAiResource.class)
class TracingTest extends AgainstFakes {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String GATEWAY_SPAN = "b7ad6b7169203331";
    private static final String TRANSFER_TRACE_ID = "1af7651916cd43dd8448eb211c80319d";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms",
                    "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:9");
        }
    }

    /** Quarkus hands finished spans to every SpanExporter bean. */
    public static class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter spans;

    private SpanData span(String name) {
        return span(name, TRACE_ID);
    }

    private SpanData span(String name, String traceId) {
        return await().until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name) && s.getTraceId().equals(traceId)).findFirst().orElse(null),
                s -> s != null);
    }

    @Test
    void theConversationJoinsTheGatewaysTraceWithSpansForItsSteps() throws Exception {
        SessionMessage.Start start = new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE, AudioCodec.PCMU,
                "+14155550100", "CA-trace", "MZ-trace", null, "00-" + TRACE_ID + "-" + GATEWAY_SPAN + "-01", null, null);
        try (TestGateway gateway = TestGateway.withStart(vertx, core, start).awaitReady()) {
            FakeRealtimeSession session = fake.session(0);
            session.functionCall("transfer_to_hotel_booking", "{}");
            gateway.awaitMessage(SessionMessage.AgentChanged.class);
            session.functionCall("search-hotel", "{\"city\":\"Paris\",\"checkIn\":\"2026-12-01\",\"checkOut\":\"2026-12-03\"}");
            gateway.awaitMessage(m -> m instanceof SessionMessage.ToolActivity t && t.phase().equals("ok"));
        }

        SpanData conversation = span("conversation");
        assertThat(conversation.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(conversation.getParentSpanId()).as("a child of the gateway's span").isEqualTo(GATEWAY_SPAN);
        assertThat(conversation.getAttributes().asMap().values()).contains("phone", "gateway_closed");
        for (String step : List.of("session.open", "handoff", "tool search-hotel")) {
            SpanData child = span(step);
            assertThat(child.getTraceId()).as(step).isEqualTo(TRACE_ID);
            assertThat(child.getParentSpanId()).as(step).isEqualTo(conversation.getSpanId());
        }
        assertThat(span("handoff").getAttributes().asMap().values()).contains("front_desk_phone", "hotel_booking");
    }

    @Test
    void aTransferToAPersonIsASpanOfTheCallsTraceWithItsOutcome() throws Exception {
        SessionMessage.Start start = new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE, AudioCodec.PCMU,
                "+14155550101", "CA-trace-person", "MZ-trace-person", null,
                "00-" + TRANSFER_TRACE_ID + "-" + GATEWAY_SPAN + "-01", null, null);
        try (TestGateway gateway = TestGateway.withStart(vertx, core, start).awaitReady()) {
            fake.session(0).functionCall("transfer_to_human", "{\"reason\":\"wants a person\",\"summary\":\"s\"}");
            gateway.awaitMessage(SessionMessage.HandoffHuman.class);
            gateway.send(new SessionMessage.End(SessionMessage.End.TRANSFERRED));
            await().until(gateway::isClosed); // the core ended it: the socket may close now
        }

        SpanData handoff = span("handoff.human", TRANSFER_TRACE_ID);
        assertThat(handoff.getParentSpanId()).isEqualTo(span("conversation", TRANSFER_TRACE_ID).getSpanId());
        assertThat(handoff.getAttributes().asMap().values()).contains("default", "transferred");
        assertThat(handoff.getEvents()).anyMatch(event -> event.getName().contains("move the caller"));
    }
}
