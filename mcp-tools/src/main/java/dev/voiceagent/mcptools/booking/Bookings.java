package dev.voiceagent.mcptools.booking;

import dev.voiceagent.mcptools.trip.TripDates;
import io.quarkiverse.mcp.server.ToolCallException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Creating, changing and cancelling bookings, with the rules a caller is told about when they apply. */
@ApplicationScoped
public class Bookings {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock = Clock.systemDefaultZone();

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Stores a confirmed booking under a new reference such as {@code HTL-4821}. */
    public Booking create(String kind, String prefix, String itemId, String description, TripDates dates,
            int partySize, String customerName, String phoneNumber) {
        if (customerName == null || customerName.isBlank()) {
            throw new ToolCallException("the name for the booking is missing; ask the caller for it");
        }
        if (partySize < 1) {
            throw new ToolCallException("the number of people must be at least 1; ask the caller how many");
        }
        Booking booking = new Booking();
        do {
            booking.reference = prefix + "-" + (1000 + RANDOM.nextInt(9000));
        } while (Booking.findById(booking.reference) != null);
        booking.kind = kind;
        booking.itemId = itemId;
        booking.description = description;
        booking.startDate = dates.start();
        booking.endDate = dates.end();
        booking.partySize = partySize;
        booking.customerName = customerName.trim();
        booking.phoneNumber = phoneNumber;
        booking.status = Booking.Status.CONFIRMED;
        booking.createdAt = Instant.now(clock);
        booking.persist();
        return booking;
    }

    public Booking find(String reference) {
        Booking booking = reference == null ? null : Booking.findById(reference.trim().toUpperCase(java.util.Locale.ROOT));
        if (booking == null) {
            throw new ToolCallException("there is no booking with reference '" + reference
                    + "'; ask the caller to read the reference again, letter by letter");
        }
        return booking;
    }

    /** Cancels, unless it is already cancelled or starts within a day (then the caller must phone the desk). */
    public Booking cancel(String reference) {
        Booking booking = modifiable(find(reference), "cancelled");
        booking.status = Booking.Status.CANCELLED;
        return booking;
    }

    public Booking changeDates(String reference, TripDates dates) {
        Booking booking = modifiable(find(reference), "changed");
        booking.startDate = dates.start();
        booking.endDate = dates.end();
        return booking;
    }

    private Booking modifiable(Booking booking, String action) {
        if (booking.status == Booking.Status.CANCELLED) {
            throw new ToolCallException("booking " + booking.reference + " is already cancelled and cannot be " + action);
        }
        if (!booking.startDate.isAfter(today().plusDays(1))) {
            throw new ToolCallException("booking " + booking.reference + " starts on " + booking.startDate
                    + ", within 24 hours, so it cannot be " + action + " here; the caller can phone our desk at "
                    + "1-800-555-1234");
        }
        return booking;
    }
}
