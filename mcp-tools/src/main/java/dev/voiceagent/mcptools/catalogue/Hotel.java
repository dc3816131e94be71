package dev.voiceagent.mcptools.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.util.List;

@Entity
public class Hotel extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    public String city;
    public String address;
    @Column(name = "price_per_night")
    public int pricePerNight;
    public BigDecimal rating;

    public static List<Hotel> inCity(String city) {
        return list("lower(city) = ?1 order by pricePerNight", city.toLowerCase(java.util.Locale.ROOT));
    }
}
