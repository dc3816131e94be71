package dev.voiceagent.mcptools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database behind the tools must do; run against H2 and PostgreSQL. */
abstract class BookingToolsContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/mcp")
    URI mcpUrl;

    McpTestClient mcp;

    @BeforeEach
    void connect() {
        mcp = new McpTestClient(mcpUrl);
    }

    private static String in(int days) {
        return LocalDate.now().plusDays(days).toString();
    }

    private JsonNode ok(String tool, Map<String, Object> arguments) throws Exception {
        JsonNode result = mcp.call(tool, arguments);
        assertThat(result.path("isError").asBoolean()).as(McpTestClient.text(result)).isFalse();
        return JSON.readTree(McpTestClient.text(result));
    }

    private String error(String tool, Map<String, Object> arguments) {
        JsonNode result = mcp.call(tool, arguments);
        assertThat(result.path("isError").asBoolean()).as(McpTestClient.text(result)).isTrue();
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
    }
}
