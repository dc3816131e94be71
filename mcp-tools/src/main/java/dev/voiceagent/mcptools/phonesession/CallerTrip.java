package dev.voiceagent.mcptools.phonesession;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.annotation.Nullable;

/**
 * What get_phone_session answers. When we know nothing of the number, every field but the number is null (a
 * known session always has a product and a destination); the text then says {@code no session: …}.
 */
public record CallerTrip(
        @JsonPropertyDescription("The number asked about, E.164") String customerPhoneNumber,
        @JsonPropertyDescription("The product booked, e.g. hotel; null when we know nothing of this number")
        @Nullable String productName,
        @JsonPropertyDescription("null when we know nothing of this number") @Nullable String destinationCity,
        @JsonPropertyDescription("As the booking system wrote it, e.g. March 22, 2027")
        @Nullable String bookingStartDate,
        @JsonPropertyDescription("As the booking system wrote it") @Nullable String bookingEndDate,
        @Nullable String hotelName,
        @Nullable String hotelAddress,
        @Nullable Integer numberOfGuests,
        @Nullable Integer numberOfRooms) {

    static CallerTrip of(PhoneSession session) {
        return new CallerTrip(session.phoneNumber, session.productName, session.destinationCity,
                session.bookingStartDate, session.bookingEndDate, session.hotelName, session.hotelAddress,
                session.numberOfGuests, session.numberOfRooms);
    }

    static CallerTrip unknown(String phoneNumber) {
        return new CallerTrip(phoneNumber, null, null, null, null, null, null, null, null);
    }
}
