package dev.voiceagent.mcptools.catalogue;

import dev.voiceagent.mcptools.structured.Answers;
import dev.voiceagent.mcptools.structured.OutputSchemas;
import dev.voiceagent.mcptools.trip.TripDates;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/**
 * Searches of the catalogue: read-only, and answered from our own catalogue alone (closed world). The structured
 * content wraps the list in an object, as MCP requires; the text stays the bare JSON list it always was.
 */
public class CatalogueTools {

    private final Answers answers;

    public CatalogueTools(Answers answers) {
        this.answers = answers;
    }

    @Tool(name = "search-hotel", title = "Search hotels", description = "Find hotels in a city for given dates. "
            + "Returns at most a few options with their id, name, price per night and rating; offer the caller one or "
            + "two of them.", annotations = @Tool.Annotations(title = "Search hotels", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false),
            outputSchema = @Tool.OutputSchema(from = HotelOffers.class, generator = OutputSchemas.class))
    @Transactional
    ToolResponse searchHotel(
            @ToolArg(description = "City, e.g. Toronto") String city,
            @ToolArg(description = "Check-in date, YYYY-MM-DD") String checkIn,
            @ToolArg(description = "Check-out date, YYYY-MM-DD") String checkOut,
            @ToolArg(description = "Number of guests", required = false, defaultValue = "1") int guests) {
        TripDates dates = TripDates.of(checkIn, checkOut, "checkIn", "checkOut", LocalDate.now());
        List<Hotel> hotels = Hotel.inCity(city);
        if (hotels.isEmpty()) {
            throw new ToolCallException("We have no hotels in " + city + ". Cities we serve: "
                    + String.join(", ", Hotel.<Hotel>listAll().stream().map(h -> h.city).distinct().toList())
                    + ". Ask the caller for one of those.");
        }
        HotelOffers offers = new HotelOffers(hotels.stream().limit(3).map(hotel -> new HotelOffers.Offer(hotel.id,
                hotel.name, hotel.pricePerNight, hotel.rating, hotel.pricePerNight * dates.nights())).toList());
        return answers.of(offers, answers.json(offers.hotels()));
    }

    @Tool(name = "search-flight", title = "Search flights", description = "Find flights from one city to another "
            + "on a date. Returns the flights with their id, departure time and price.",
            annotations = @Tool.Annotations(title = "Search flights", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @Tool.OutputSchema(from = FlightOffers.class, generator = OutputSchemas.class))
    @Transactional
    ToolResponse searchFlight(
            @ToolArg(description = "Departure city") String from,
            @ToolArg(description = "Arrival city") String to,
            @ToolArg(description = "Travel date, YYYY-MM-DD") String date,
            @ToolArg(description = "Number of passengers", required = false, defaultValue = "1") int passengers) {
        LocalDate day = TripDates.date(date, "date");
        if (day.isBefore(LocalDate.now())) {
            throw new ToolCallException("the date " + day + " is in the past; ask the caller for a future date");
        }
        List<Flight> flights = Flight.between(from, to);
        if (flights.isEmpty()) {
            throw new ToolCallException("There are no flights from " + from + " to " + to
                    + ". Ask the caller whether another route works.");
        }
        FlightOffers offers = new FlightOffers(flights.stream().map(flight -> new FlightOffers.Offer(flight.id,
                day.toString(), flight.departureTime, flight.price * Math.max(1, passengers))).toList());
        return answers.of(offers, answers.json(offers.flights()));
    }

    @Tool(name = "search-car", title = "Search rental cars", description = "Find rental cars in a city for a pick-up "
            + "and drop-off date. Returns cars with their id, model, category and price per day.",
            annotations = @Tool.Annotations(title = "Search rental cars", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false),
            outputSchema = @Tool.OutputSchema(from = CarOffers.class, generator = OutputSchemas.class))
    @Transactional
    ToolResponse searchCar(
            @ToolArg(description = "City where the car is picked up") String city,
            @ToolArg(description = "Pick-up date, YYYY-MM-DD") String pickUp,
            @ToolArg(description = "Drop-off date, YYYY-MM-DD") String dropOff) {
        TripDates dates = TripDates.of(pickUp, dropOff, "pickUp", "dropOff", LocalDate.now());
        List<Car> cars = Car.inCity(city);
        if (cars.isEmpty()) {
            throw new ToolCallException("We have no rental cars in " + city + ". Ask the caller for another city.");
        }
        CarOffers offers = new CarOffers(cars.stream().map(car -> new CarOffers.Offer(car.id, car.model,
                car.category, car.pricePerDay, car.pricePerDay * dates.nights())).toList());
        return answers.of(offers, answers.json(offers.cars()));
    }
}
