package dev.voiceagent.mcptools.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;
import java.util.Locale;

/** A daily scheduled flight. */
@Entity
public class Flight extends PanacheEntityBase {
    @Id
    public String id;
    public String origin;
    public String destination;
    @Column(name = "departure_time")
    public String departureTime;
    public int price;

    public static List<Flight> between(String origin, String destination) {
        return list("lower(origin) = ?1 and lower(destination) = ?2 order by departureTime",
                origin.toLowerCase(Locale.ROOT), destination.toLowerCase(Locale.ROOT));
    }
}
