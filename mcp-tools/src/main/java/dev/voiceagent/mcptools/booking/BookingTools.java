package dev.voiceagent.mcptools.booking;

import dev.voiceagent.mcptools.catalogue.Car;
import dev.voiceagent.mcptools.catalogue.Flight;
import dev.voiceagent.mcptools.catalogue.Hotel;
import dev.voiceagent.mcptools.trip.TripDates;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;
import jakarta.transaction.Transactional;

/** Booking, looking up, changing and cancelling. Every answer includes the booking reference to read out. */
public class BookingTools {

    private final Bookings bookings;

    public BookingTools(Bookings bookings) {
        this.bookings = bookings;
    }

    @Tool(name = "book-hotel", description = "Book a hotel found with search-hotel, after the caller confirmed the "
            + "hotel, the dates and their name. Returns the booking with its reference.")
    @Transactional
    String bookHotel(@ToolArg(description = "hotelId from search-hotel") String hotelId,
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
        return Bookings.describe(bookings.create("hotel", "HTL", hotel.id, hotel.name + ", " + hotel.city, dates,
                guests, guestName, phoneNumber));
    }

    @Tool(name = "book-flight", description = "Book a flight found with search-flight, after the caller confirmed "
            + "the flight and the passenger's name. Returns the booking with its reference.")
    @Transactional
    String bookFlight(@ToolArg(description = "flightId from search-flight") String flightId,
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
        return Bookings.describe(bookings.create("flight", "FLT", flight.id, flight.origin + " to "
                + flight.destination + " at " + flight.departureTime, dates, passengers, passengerName, phoneNumber));
    }

    @Tool(name = "book-car", description = "Book a rental car found with search-car, after the caller confirmed the "
            + "car, the dates and the driver's name. Returns the booking with its reference.")
    @Transactional
    String bookCar(@ToolArg(description = "carId from search-car") String carId,
            @ToolArg(description = "Pick-up date, YYYY-MM-DD") String pickUp,
            @ToolArg(description = "Drop-off date, YYYY-MM-DD") String dropOff,
            @ToolArg(description = "Driver's name") String driverName,
            @ToolArg(description = "Caller's phone number, E.164", required = false) String phoneNumber) {
        Car car = Car.findById(carId);
        if (car == null) {
            throw new ToolCallException("unknown carId '" + carId + "'; search again with search-car");
        }
        TripDates dates = TripDates.of(pickUp, dropOff, "pickUp", "dropOff", bookings.today());
        return Bookings.describe(bookings.create("car", "CAR", car.id, car.model + " in " + car.city, dates, 1,
                driverName, phoneNumber));
    }

    @Tool(name = "get-booking", description = "Look up a booking by its reference, e.g. HTL-4821.")
    @Transactional
    String getBooking(@ToolArg(description = "Booking reference") String reference) {
        return Bookings.describe(bookings.find(reference));
    }

    @Tool(name = "change-booking", description = "Change the dates of a booking, after the caller confirmed the new "
            + "dates. Bookings starting within 24 hours cannot be changed here.")
    @Transactional
    String changeBooking(@ToolArg(description = "Booking reference") String reference,
            @ToolArg(description = "New start date, YYYY-MM-DD") String newStart,
            @ToolArg(description = "New end date, YYYY-MM-DD") String newEnd) {
        TripDates dates = TripDates.of(newStart, newEnd, "newStart", "newEnd", bookings.today());
        return Bookings.describe(bookings.changeDates(reference, dates));
    }

    @Tool(name = "cancel-booking", description = "Cancel a booking, after the caller confirmed. If it cannot be "
            + "cancelled the answer says why; tell the caller, and give them the number 1-800-555-1234.")
    @Transactional
    String cancelBooking(@ToolArg(description = "Booking reference") String reference) {
        return Bookings.describe(bookings.cancel(reference));
    }
}
