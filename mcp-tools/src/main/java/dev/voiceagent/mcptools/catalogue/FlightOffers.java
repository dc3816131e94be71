package dev.voiceagent.mcptools.catalogue;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** What search-flight answers: the day's flights on the route, earliest first. */
public record FlightOffers(@JsonPropertyDescription("The day's flights, earliest first") List<Offer> flights) {

    public record Offer(
            @JsonPropertyDescription("The id to book it with book-flight") String flightId,
            @JsonPropertyDescription("Travel date, YYYY-MM-DD") String date,
            @JsonPropertyDescription("Departure time, HH:MM") String departs,
            @JsonPropertyDescription("Price for all passengers") int price) {
    }
}
