package dev.voiceagent.mcptools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database behind the tools must do; run against H2 and PostgreSQL. */
abstract class BookingToolsContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/mcp")
    URI mcpUrl;

    McpTestClient mcp;
    private JsonNode tools;

    private static final List<String> BOOKING = List.of("reference", "kind", "what", "from", "to", "people", "name",
            "status");

    @BeforeEach
    void connect() {
        mcp = new McpTestClient(mcpUrl);
    }

    private static String in(int days) {
        return LocalDate.now().plusDays(days).toString();
    }

    private JsonNode tool(String name) {
        if (tools == null) {
            tools = mcp.listTools();
        }
        return StreamSupport.stream(tools.spliterator(), false).filter(t -> t.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not listed"));
    }

    /**
     * A successful call's text as JSON, after checking its structured content against the tool's output schema and
     * that the text is that content's JSON (for a search, the JSON of the one list it wraps, as before).
     */
    private JsonNode ok(String tool, Map<String, Object> arguments) throws Exception {
        JsonNode result = mcp.call(tool, arguments);
        assertThat(result.path("isError").asBoolean()).as(McpTestClient.text(result)).isFalse();
        JsonNode structured = conforming(tool, result);
        JsonNode text = JSON.readTree(McpTestClient.text(result));
        if (text.isArray()) {
            assertThat(structured.size()).as("a search wraps one list").isEqualTo(1);
            assertThat(text).isEqualTo(structured.elements().next());
        } else {
            assertThat(text).isEqualTo(structured);
        }
        return text;
    }

    private JsonNode conforming(String tool, JsonNode result) {
        assertThat(result.path("content")).as("one text block beside the structured content").hasSize(1);
        JsonNode structured = result.path("structuredContent");
        assertThat(OutputSchemaCheck.violations(tool(tool).path("outputSchema"), structured)).as(structured.toString())
                .isEmpty();
        return structured;
    }

    private String error(String tool, Map<String, Object> arguments) {
        JsonNode result = mcp.call(tool, arguments);
        assertThat(result.path("isError").asBoolean()).as(McpTestClient.text(result)).isTrue();
        assertThat(result.has("structuredContent")).as("an error is text alone").isFalse();
        return McpTestClient.text(result);
    }

    @Test
    void listsEveryToolWithItsRequiredArguments() {
        JsonNode tools = mcp.listTools();
        List<String> names = StreamSupport.stream(tools.spliterator(), false).map(t -> t.path("name").asText()).toList();
        assertThat(names).containsExactlyInAnyOrder("search-hotel", "book-hotel", "search-flight", "book-flight",
                "search-car", "book-car", "get-booking", "change-booking", "cancel-booking", "get_phone_session");
        JsonNode searchHotel = StreamSupport.stream(tools.spliterator(), false)
                .filter(t -> t.path("name").asText().equals("search-hotel")).findFirst().orElseThrow();
        assertThat(searchHotel.path("inputSchema").path("required").toString())
                .contains("city", "checkIn", "checkOut").doesNotContain("guests");
    }

    /** Hints for clients that ask before running a tool: searches and look-ups only read; cancelling destroys. */
    @Test
    void everyToolSaysWhatItDoesToItsBookings() {
        Map<String, String> reads = Map.of("readOnlyHint", "true", "destructiveHint", "false", "idempotentHint",
                "true", "openWorldHint", "false");
        Map<String, String> adds = Map.of("readOnlyHint", "false", "destructiveHint", "false", "idempotentHint",
                "false", "openWorldHint", "false");
        Map<String, String> overwrites = Map.of("readOnlyHint", "false", "destructiveHint", "true", "idempotentHint",
                "true", "openWorldHint", "false");
        Map<String, Map<String, String>> expected = Map.of("search-hotel", reads, "search-flight", reads,
                "search-car", reads, "get-booking", reads, "get_phone_session", reads, "book-hotel", adds,
                "book-flight", adds, "book-car", adds, "change-booking", overwrites, "cancel-booking", overwrites);
        expected.forEach((name, hints) -> {
            JsonNode tool = tool(name);
            JsonNode annotations = tool.path("annotations");
            hints.forEach((hint, value) -> assertThat(annotations.path(hint).asText()).as(name + " " + hint)
                    .isEqualTo(value));
            assertThat(tool.path("title").asText()).as(name + " title").isNotBlank()
                    .isEqualTo(annotations.path("title").asText());
        });
    }

    @Test
    void everyToolDescribesTheObjectItAnswersWith() {
        Map<String, List<String>> required = Map.of("search-hotel", List.of("hotels"), "search-flight",
                List.of("flights"), "search-car", List.of("cars"), "get_phone_session", List.of("customerPhoneNumber",
                        "productName", "destinationCity", "bookingStartDate", "bookingEndDate", "hotelName",
                        "hotelAddress", "numberOfGuests", "numberOfRooms"));
        for (String name : List.of("search-hotel", "search-flight", "search-car", "get_phone_session", "book-hotel",
                "book-flight", "book-car", "get-booking", "change-booking", "cancel-booking")) {
            JsonNode schema = tool(name).path("outputSchema");
            assertThat(schema.path("type").asText()).as(name).isEqualTo("object");
            assertThat(names(schema.path("required"))).as(name)
                    .isEqualTo(Set.copyOf(required.getOrDefault(name, BOOKING)));
        }
        JsonNode hotel = tool("search-hotel").path("outputSchema").path("properties").path("hotels").path("items");
        assertThat(names(hotel.path("required"))).containsExactlyInAnyOrder("hotelId", "name", "pricePerNight",
                "rating", "total");
        assertThat(hotel.path("properties").path("total").path("type").asText()).isEqualTo("integer");
        JsonNode trip = tool("get_phone_session").path("outputSchema").path("properties");
        assertThat(trip.path("customerPhoneNumber").path("type").asText()).isEqualTo("string");
        assertThat(trip.path("numberOfGuests").path("anyOf").findValuesAsText("type"))
                .containsExactlyInAnyOrder("integer", "null");
        assertThat(trip.fieldNames()).toIterable().first().as("the record's order").isEqualTo("customerPhoneNumber");
    }

    private static Set<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.toSet());
    }

    @Test
    void searchesTheCatalogue() throws Exception {
        JsonNode hotels = ok("search-hotel", Map.of("city", "toronto", "checkIn", in(10), "checkOut", in(12)));
        assertThat(hotels).hasSize(2);
        assertThat(hotels.get(0).path("name").asText()).isEqualTo("Maple Leaf Lodge");
        assertThat(hotels.get(0).path("total").asInt()).isEqualTo(2 * 129);
        assertThat(ok("search-flight", Map.of("from", "Toronto", "to", "New York", "date", in(5)))).hasSize(2);
        assertThat(ok("search-car", Map.of("city", "Paris", "pickUp", in(3), "dropOff", in(6))).get(0)
                .path("model").asText()).isEqualTo("Renault Clio");
    }

    @Test
    void refusesBadInputWithWhatToAskTheCaller() {
        assertThat(error("search-hotel", Map.of("city", "Atlantis", "checkIn", in(10), "checkOut", in(12))))
                .contains("Atlantis").contains("Toronto");
        assertThat(error("search-hotel", Map.of("city", "Toronto", "checkIn", in(12), "checkOut", in(10))))
                .contains("checkOut must be after checkIn");
        assertThat(error("search-hotel", Map.of("city", "Toronto", "checkIn", "next friday", "checkOut", in(10))))
                .contains("YYYY-MM-DD");
        assertThat(error("get_phone_session", Map.of("phoneNumber", "555-0100"))).contains("E.164");
        assertThat(error("get-booking", Map.of("reference", "HTL-0000"))).contains("no booking");
    }

    @Test
    void booksLooksUpChangesAndCancels() throws Exception {
        JsonNode booked = ok("book-hotel", Map.of("hotelId", "H-NYC-1", "checkIn", in(20), "checkOut", in(23),
                "guests", 2, "guestName", "Alex Doe", "phoneNumber", "+14155550100"));
        String reference = booked.path("reference").asText();
        assertThat(reference).matches("HTL-\\d{4}");
        assertThat(ok("get-booking", Map.of("reference", reference.toLowerCase())).path("what").asText())
                .contains("Holiday Inn");
        assertThat(ok("change-booking", Map.of("reference", reference, "newStart", in(21), "newEnd", in(24)))
                .path("from").asText()).isEqualTo(in(21));
        assertThat(ok("cancel-booking", Map.of("reference", reference)).path("status").asText()).isEqualTo("cancelled");
        assertThat(error("cancel-booking", Map.of("reference", reference))).contains("already cancelled");
    }

    @Test
    void aBookingStartingWithinADayCannotBeCancelledHere() throws Exception {
        String reference = ok("book-car", Map.of("carId", "C-TOR-1", "pickUp", in(1), "dropOff", in(3),
                "driverName", "Sam Roe")).path("reference").asText();
        assertThat(error("cancel-booking", Map.of("reference", reference))).contains("24 hours").contains("1-800-555-1234");
    }

    @Test
    void knowsTheOriginalsPhoneSessions() throws Exception {
        JsonNode withDates = ok("get_phone_session", Map.of("phoneNumber", "+14000000000"));
        assertThat(withDates.path("hotelName").asText()).isEqualTo("Holiday Inn - Times Square");
        assertThat(withDates.path("numberOfGuests").asInt()).isEqualTo(2);
        JsonNode withoutDates = ok("get_phone_session", Map.of("phoneNumber", "+15000000000"));
        assertThat(withoutDates.path("bookingStartDate").isNull()).isTrue();
        JsonNode none = mcp.call("get_phone_session", Map.of("phoneNumber", "+16000000000"));
        assertThat(McpTestClient.text(none)).startsWith("no session");
        JsonNode unknown = conforming("get_phone_session", none);
        assertThat(unknown.path("customerPhoneNumber").asText()).isEqualTo("+16000000000");
        assertThat(unknown.path("productName").isNull()).isTrue();
    }
}
