package dev.voiceagent.mcptools.catalogue;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;
import java.util.List;

/** What search-hotel answers: the cheapest few hotels in the city for the stay. */
public record HotelOffers(@JsonPropertyDescription("At most three hotels, cheapest first") List<Offer> hotels) {

    public record Offer(
            @JsonPropertyDescription("The id to book it with book-hotel") String hotelId,
            String name,
            @JsonPropertyDescription("Price per night") int pricePerNight,
            @JsonPropertyDescription("Guest rating") BigDecimal rating,
            @JsonPropertyDescription("Price of the whole stay") long total) {
    }
}
