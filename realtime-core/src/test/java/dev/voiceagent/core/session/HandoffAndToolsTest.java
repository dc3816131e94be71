package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.testsupport.openai.RecordedEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Hand-offs between agents and MCP tool calls, against the fake model and the fake MCP server. */
@QuarkusTest
@QuarkusTestResource(FakeOpenAiResource.class)
class HandoffAndToolsTest extends AgainstFakes {

    private static List<String> toolNames(JsonNode sessionUpdate) {
        return StreamSupport.stream(sessionUpdate.path("session").path("tools").spliterator(), false)
                .map(tool -> tool.path("name").asText()).toList();
    }

    private static JsonNode outputOf(FakeRealtimeSession session, String callId) {
        return await().until(() -> session.received("conversation.item.create").stream()
                .map(event -> event.path("item"))
                .filter(item -> item.path("type").asText().equals("function_call_output")
                        && item.path("call_id").asText().equals(callId))
                .findFirst().orElse(null), item -> item != null);
    }

    @Test
    void theFrontDeskOffersItsHandoffsButNoOtherChannelsFrontDesk() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-tools", null).awaitReady()) {
            List<String> tools = toolNames(fake.session(0).received("session.update").get(0));
            assertThat(tools).contains("transfer_to_hotel_booking", "transfer_to_post_booking",
                    "transfer_to_phone_session").doesNotContain("transfer_to_front_desk_web");
        }
    }

    @Test
    void aHandoffSwitchesInstructionsAndToolsAndKeepsTheAudioFormats() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-handoff", null).awaitReady()) {
            FakeRealtimeSession session = fake.session(0);
            String callId = session.functionCall("transfer_to_hotel_booking", "{}");

            await().until(() -> session.received("session.update").size() == 2);
            JsonNode update = session.received("session.update").get(1).path("session");
            assertThat(update.path("instructions").asText()).contains("find and book a hotel");
            assertThat(toolNames(session.received("session.update").get(1)))
                    .contains("search-hotel", "book-hotel", "transfer_to_front_desk_phone")
                    .doesNotContain("transfer_to_front_desk_web", "transfer_to_hotel_booking");
            assertThat(update.path("audio").path("input").path("format").path("type").asText()).isEqualTo("audio/pcmu");
            assertThat(update.path("audio").path("output").path("format").path("type").asText()).isEqualTo("audio/pcmu");
            assertThat(update.path("audio").path("output").has("voice")).as("the voice cannot change").isFalse();
            assertThat(outputOf(session, callId).path("output").asText()).isEqualTo("{\"assistant\":\"hotel_booking\"}");
            await().until(() -> !session.received("response.create").isEmpty());
            assertThat(gateway.awaitMessage(SessionMessage.AgentChanged.class).agent()).isEqualTo("hotel_booking");
            assertOrder(session, "session.update", "conversation.item.create", "response.create");
        }
    }

    @Test
    void aToolCallCarriesTheServersAnswerBackToTheModel() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-search", null).awaitReady()) {
            FakeRealtimeSession session = fake.session(0);
            session.functionCall("transfer_to_hotel_booking", "{}");
            await().until(() -> session.received("session.update").size() == 2);
            String callId = session.functionCall("search-hotel",
                    "{\"city\":\"Toronto\",\"checkIn\":\"2026-12-01\",\"checkOut\":\"2026-12-03\",\"guests\":2}");
            assertThat(outputOf(session, callId).path("output").asText()).contains("Harbour Inn");
            await().until(() -> session.received("response.create").size() == 3); // greeting, hand-off, tool
        }
    }

    @Test
    void aToolErrorIsMarkedAsSuchAndTheCallGoesOn() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-error", null).awaitReady()) {
            FakeRealtimeSession session = fake.session(0);
            session.functionCall("transfer_to_hotel_booking", "{}");
            await().until(() -> session.received("session.update").size() == 2);
            String callId = session.functionCall("search-hotel",
                    "{\"city\":\"Atlantis\",\"checkIn\":\"2026-12-01\",\"checkOut\":\"2026-12-03\"}");
            assertThat(outputOf(session, callId).path("output").asText()).startsWith("Error:").contains("Atlantis");
            assertThat(gateway.isClosed()).isFalse();
        }
    }

    @Test
    void argumentsThatDoNotFitTheSchemaAreExplainedNotSent() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-args", null).awaitReady()) {
            FakeRealtimeSession session = fake.session(0);
            session.functionCall("transfer_to_hotel_booking", "{}");
            await().until(() -> session.received("session.update").size() == 2);
            int callsBefore = FakeOpenAiResource.mcp.calls().size();
            String callId = session.functionCall("search-hotel", "{\"city\":\"Toronto\"}");
            assertThat(outputOf(session, callId).path("output").asText()).startsWith("Error:").contains("checkIn");
            assertThat(FakeOpenAiResource.mcp.calls()).hasSize(callsBefore);
        }
    }

    @Test
    void aFunctionTheAgentDoesNotHaveGetsAnExplanation() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-unknown", null).awaitReady()) {
            FakeRealtimeSession session = fake.session(0);
            String callId = session.functionCall("book-hotel", "{}");
            assertThat(outputOf(session, callId).path("output").asText()).startsWith("Error:").contains("book-hotel");
        }
    }

    @Test
    void aKnownCallerIsGreetedWithTheirBookingWithoutAToolRoundTrip() throws Exception {
        var start = new SessionMessage.Start(SessionMessage.VERSION, dev.voiceagent.session.Channel.PHONE,
                dev.voiceagent.session.AudioCodec.PCMU, FakeOpenAiResource.KNOWN_CALLER, "CA-known", "MZ-known",
                null, null, null, null);
        try (TestGateway gateway = TestGateway.withStart(vertx, core, start).awaitReady()) {
            JsonNode first = fake.session(0).received("session.update").get(0).path("session");
            assertThat(first.path("instructions").asText()).contains("HTL-4821").contains("2026-12-01");
        }
    }

    @Test
    void aSlowToolMakesTheAgentSayAHoldingLineOnceBeforeTheAnswer() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-slow", null).awaitReady()) {
            FakeRealtimeSession session = fake.session(0);
            session.functionCall("transfer_to_hotel_booking", "{}");
            await().until(() -> session.received("session.update").size() == 2);
            String callId = session.functionCall("book-hotel", "{}");
            assertThat(outputOf(session, callId).path("output").asText()).isEqualTo("HTL-1234");
            await().until(() -> session.received("response.create").size() == 4); // greeting, hand-off, hold, answer
            List<JsonNode> holding = session.received("response.create").stream()
                    .filter(event -> event.path("response").path("conversation").asText().equals("none")).toList();
            assertThat(holding).hasSize(1);
            assertThat(holding.get(0).path("response").path("instructions").asText()).contains("checking");
            List<JsonNode> events = session.received().stream().map(RecordedEvent::json).toList();
            assertThat(events.indexOf(holding.get(0))).as("the holding line comes before the answer")
                    .isLessThan(events.indexOf(session.received("conversation.item.create").stream()
                            .filter(e -> e.path("item").path("call_id").asText().equals(callId)).findFirst().orElseThrow()));
        }
    }

    @Test
    void aToolPastItsTimeoutFailsAndTheAgentCanApologise() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-timeout", null).awaitReady()) {
            FakeRealtimeSession session = fake.session(0);
            session.functionCall("transfer_to_post_booking", "{}");
            await().until(() -> session.received("session.update").size() == 2);
            String callId = session.functionCall("change-booking", "{}");
            assertThat(outputOf(session, callId).path("output").asText()).startsWith("Error:");
            assertThat(gateway.isClosed()).isFalse();
        }
    }

    private static void assertOrder(FakeRealtimeSession session, String... types) {
        List<String> received = session.received().stream().map(RecordedEvent::type)
                .filter(type -> List.of(types).contains(type)).toList();
        int last = -1;
        for (String type : types) {
            int at = received.lastIndexOf(type);
            assertThat(at).as(type + " after the previous step").isGreaterThan(last);
            last = at;
        }
    }
}
