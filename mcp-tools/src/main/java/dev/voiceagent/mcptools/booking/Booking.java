package dev.voiceagent.mcptools.booking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** A booking a caller made; its reference is short enough to read out on the phone. */
@Entity
public class Booking extends PanacheEntityBase {

    public enum Status {
        CONFIRMED, CANCELLED
    }

    @Id
    public String reference;
    public String kind;
    @Column(name = "item_id")
    public String itemId;
    public String description;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "party_size")
    public int partySize;
    @Column(name = "customer_name")
    public String customerName;
    @Column(name = "phone_number")
    public String phoneNumber;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    @Column(name = "created_at")
    public Instant createdAt;
}
