package dev.voiceagent.mcptools.booking;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Locale;

/** A booking as the tools answer with it; the reference is what the caller is told. */
public record BookingView(
        @JsonPropertyDescription("Booking reference to read out, e.g. HTL-4821") String reference,
        @JsonPropertyDescription("hotel, flight or car") String kind,
        @JsonPropertyDescription("What was booked, e.g. the hotel and its city") String what,
        @JsonPropertyDescription("First day, YYYY-MM-DD") String from,
        @JsonPropertyDescription("End: check-out, drop-off, or the day after a flight; YYYY-MM-DD") String to,
        @JsonPropertyDescription("Number of guests or passengers") int people,
        @JsonPropertyDescription("Name the booking is under") String name,
        @JsonPropertyDescription("confirmed or cancelled") String status) {

    public static BookingView of(Booking booking) {
        return new BookingView(booking.reference, booking.kind, booking.description, booking.startDate.toString(),
                booking.endDate.toString(), booking.partySize, booking.customerName,
                booking.status.name().toLowerCase(Locale.ROOT));
    }
}
