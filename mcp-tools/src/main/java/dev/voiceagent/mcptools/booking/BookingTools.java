package dev.voiceagent.mcptools.booking;

import dev.voiceagent.mcptools.catalogue.Car;
import dev.voiceagent.mcptools.catalogue.Flight;
import dev.voiceagent.mcptools.catalogue.Hotel;
import dev.voiceagent.mcptools.structured.Answers;
import dev.voiceagent.mcptools.structured.OutputSchemas;
import dev.voiceagent.mcptools.trip.TripDates;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.transaction.Transactional;

/**
 * Booking, looking up, changing and cancelling. Every answer is the booking ({@link BookingView}, as structured
 * content and as its JSON in text) with the reference to read out. All act on our own bookings only (closed world).
 * Booking adds a booking each time it is called (not idempotent, not destructive); changing and cancelling
 * overwrite one, and repeating them changes nothing more.
 */
public class BookingTools {

    private final Bookings bookings;
    private final Answers answers;

    public BookingTools(Bookings bookings, Answers answers) {
        this.bookings = bookings;
        this.answers = answers;
    }

    @Tool(name = "book-hotel", description = "Book a hotel found with search-hotel, after the caller confirmed the "
            + "hotel, the dates and their name. Returns the booking with its reference.",
            title = "Book a hotel",
            annotations = @Tool.Annotations(title = "Book a hotel", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = false, openWorldHint = false),
            outputSchema = @Tool.OutputSchema(from = BookingView.class, generator = OutputSchemas.class))
    @Transactional
    ToolResponse bookHotel(@ToolArg(description = "hotelId from search-hotel") String hotelId,
            @ToolArg(description = "Check-in date, YYYY-MM-DD") String checkIn,
            @ToolArg(description = "Check-out date, YYYY-MM-DD") String checkOut,
            @ToolArg(description = "Number of guests") int guests,
            @ToolArg(description = "Name the booking is under") String guestName,
            @ToolArg(description = "Caller's phone number, E.164", required = false) String phoneNumber) {
        Hotel hotel = Hotel.findById(hotelId);
        if (hotel == null) {
            throw new ToolCallException("unknown hotelId '" + hotelId + "'; search again with search-hotel");
        }
        TripDates dates = TripDates.of(checkIn, checkOut, "checkIn", "checkOut", bookings.today());
        return answers.of(BookingView.of(bookings.create("hotel", "HTL", hotel.id, hotel.name + ", " + hotel.city,
                dates, guests, guestName, phoneNumber)));
    }

    @Tool(name = "book-flight", description = "Book a flight found with search-flight, after the caller confirmed "
            + "the flight and the passenger's name. Returns the booking with its reference.",
            title = "Book a flight",
            annotations = @Tool.Annotations(title = "Book a flight", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = false, openWorldHint = false),
            outputSchema = @Tool.OutputSchema(from = BookingView.class, generator = OutputSchemas.class))
    @Transactional
    ToolResponse bookFlight(@ToolArg(description = "flightId from search-flight") String flightId,
            @ToolArg(description = "Travel date, YYYY-MM-DD") String date,
            @ToolArg(description = "Number of passengers") int passengers,
            @ToolArg(description = "Passenger's name") String passengerName,
            @ToolArg(description = "Caller's phone number, E.164", required = false) String phoneNumber) {
        Flight flight = Flight.findById(flightId);
        if (flight == null) {
            throw new ToolCallException("unknown flightId '" + flightId + "'; search again with search-flight");
        }
        var day = TripDates.date(date, "date");
        TripDates dates = TripDates.of(day.toString(), day.plusDays(1).toString(), "date", "date", bookings.today());
        return answers.of(BookingView.of(bookings.create("flight", "FLT", flight.id, flight.origin + " to "
                + flight.destination + " at " + flight.departureTime, dates, passengers, passengerName, phoneNumber)));
    }

    @Tool(name = "book-car", description = "Book a rental car found with search-car, after the caller confirmed the "
            + "car, the dates and the driver's name. Returns the booking with its reference.",
            title = "Book a rental car",
            annotations = @Tool.Annotations(title = "Book a rental car", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = false, openWorldHint = false),
            outputSchema = @Tool.OutputSchema(from = BookingView.class, generator = OutputSchemas.class))
    @Transactional
    ToolResponse bookCar(@ToolArg(description = "carId from search-car") String carId,
            @ToolArg(description = "Pick-up date, YYYY-MM-DD") String pickUp,
            @ToolArg(description = "Drop-off date, YYYY-MM-DD") String dropOff,
            @ToolArg(description = "Driver's name") String driverName,
            @ToolArg(description = "Caller's phone number, E.164", required = false) String phoneNumber) {
        Car car = Car.findById(carId);
        if (car == null) {
            throw new ToolCallException("unknown carId '" + carId + "'; search again with search-car");
        }
        TripDates dates = TripDates.of(pickUp, dropOff, "pickUp", "dropOff", bookings.today());
        return answers.of(BookingView.of(bookings.create("car", "CAR", car.id, car.model + " in " + car.city, dates,
                1, driverName, phoneNumber)));
    }

    @Tool(name = "get-booking", description = "Look up a booking by its reference, e.g. HTL-4821.",
            title = "Look up a booking",
            annotations = @Tool.Annotations(title = "Look up a booking", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false),
            outputSchema = @Tool.OutputSchema(from = BookingView.class, generator = OutputSchemas.class))
    @Transactional
    ToolResponse getBooking(@ToolArg(description = "Booking reference") String reference) {
        return answers.of(BookingView.of(bookings.find(reference)));
    }

    @Tool(name = "change-booking", description = "Change the dates of a booking, after the caller confirmed the new "
            + "dates. Bookings starting within 24 hours cannot be changed here.",
            title = "Change a booking's dates",
            annotations = @Tool.Annotations(title = "Change a booking's dates", readOnlyHint = false,
                    destructiveHint = true, idempotentHint = true, openWorldHint = false),
            outputSchema = @Tool.OutputSchema(from = BookingView.class, generator = OutputSchemas.class))
    @Transactional
    ToolResponse changeBooking(@ToolArg(description = "Booking reference") String reference,
            @ToolArg(description = "New start date, YYYY-MM-DD") String newStart,
            @ToolArg(description = "New end date, YYYY-MM-DD") String newEnd) {
        TripDates dates = TripDates.of(newStart, newEnd, "newStart", "newEnd", bookings.today());
        return answers.of(BookingView.of(bookings.changeDates(reference, dates)));
    }

    @Tool(name = "cancel-booking", description = "Cancel a booking, after the caller confirmed. If it cannot be "
            + "cancelled the answer says why; tell the caller, and give them the number 1-800-555-1234.",
            title = "Cancel a booking",
            annotations = @Tool.Annotations(title = "Cancel a booking", readOnlyHint = false,
                    destructiveHint = true, idempotentHint = true, openWorldHint = false),
            outputSchema = @Tool.OutputSchema(from = BookingView.class, generator = OutputSchemas.class))
    @Transactional
    ToolResponse cancelBooking(@ToolArg(description = "Booking reference") String reference) {
        return answers.of(BookingView.of(bookings.cancel(reference)));
    }
}
