package dev.voiceagent.mcptools.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;

@Entity
public class Car extends PanacheEntityBase {
    @Id
    public String id;
    public String city;
    public String model;
    public String category;
    @Column(name = "price_per_day")
    public int pricePerDay;

    public static List<Car> inCity(String city) {
        return list("lower(city) = ?1 order by pricePerDay", city.toLowerCase(java.util.Locale.ROOT));
    }
}
