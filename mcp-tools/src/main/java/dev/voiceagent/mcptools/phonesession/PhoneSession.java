package dev.voiceagent.mcptools.phonesession;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the business knows about a caller's current trip, keyed by their phone number (the original's records). */
@Entity
@Table(name = "phone_session")
public class PhoneSession extends PanacheEntityBase {
    @Id
    @Column(name = "phone_number")
    public String phoneNumber;
    @Column(name = "product_name")
    public String productName;
    @Column(name = "destination_city")
    public String destinationCity;
    @Column(name = "booking_start_date")
    public String bookingStartDate;
    @Column(name = "booking_end_date")
    public String bookingEndDate;
    @Column(name = "hotel_name")
    public String hotelName;
    @Column(name = "hotel_address")
    public String hotelAddress;
    @Column(name = "number_of_guests")
    public Integer numberOfGuests;
    @Column(name = "number_of_rooms")
    public Integer numberOfRooms;
}
