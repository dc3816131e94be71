package dev.voiceagent.mcptools.catalogue;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** What search-car answers: the cars in the city, cheapest first. */
public record CarOffers(@JsonPropertyDescription("Cars, cheapest first") List<Offer> cars) {

    public record Offer(
            @JsonPropertyDescription("The id to book it with book-car") String carId,
            String model,
            String category,
            @JsonPropertyDescription("Price per day") int pricePerDay,
            @JsonPropertyDescription("Price of the whole rental") long total) {
    }
}
