package dev.voiceagent.mcptools.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.voiceagent.mcptools.trip.TripDates;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/** Searches of the catalogue. Results are short JSON a voice model can read out. */
public class CatalogueTools {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Tool(name = "search-hotel", description = "Find hotels in a city for given dates. Returns at most a few options "
            + "with their id, name, price per night and rating; offer the caller one or two of them.")
    @Transactional
    String searchHotel(
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
        ArrayNode result = JSON.createArrayNode();
        hotels.stream().limit(3).forEach(hotel -> result.addObject().put("hotelId", hotel.id).put("name", hotel.name)
                .put("pricePerNight", hotel.pricePerNight).put("rating", hotel.rating)
                .put("total", hotel.pricePerNight * dates.nights()));
        return result.toString();
    }

    @Tool(name = "search-flight", description = "Find flights from one city to another on a date. Returns the "
            + "flights with their id, departure time and price.")
    @Transactional
    String searchFlight(
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
        ArrayNode result = JSON.createArrayNode();
        flights.forEach(flight -> result.addObject().put("flightId", flight.id).put("date", day.toString())
                .put("departs", flight.departureTime).put("price", flight.price * Math.max(1, passengers)));
        return result.toString();
    }

    @Tool(name = "search-car", description = "Find rental cars in a city for a pick-up and drop-off date. Returns "
            + "cars with their id, model, category and price per day.")
    @Transactional
    String searchCar(
            @ToolArg(description = "City where the car is picked up") String city,
            @ToolArg(description = "Pick-up date, YYYY-MM-DD") String pickUp,
            @ToolArg(description = "Drop-off date, YYYY-MM-DD") String dropOff) {
        TripDates dates = TripDates.of(pickUp, dropOff, "pickUp", "dropOff", LocalDate.now());
        List<Car> cars = Car.inCity(city);
        if (cars.isEmpty()) {
            throw new ToolCallException("We have no rental cars in " + city + ". Ask the caller for another city.");
        }
        ArrayNode result = JSON.createArrayNode();
        cars.forEach(car -> result.addObject().put("carId", car.id).put("model", car.model)
                .put("category", car.category).put("pricePerDay", car.pricePerDay)
                .put("total", car.pricePerDay * dates.nights()));
        return result.toString();
    }
}
