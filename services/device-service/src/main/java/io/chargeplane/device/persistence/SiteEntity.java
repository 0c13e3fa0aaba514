package io.chargeplane.device.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A place with devices: a car park, a depot, a charging hub. */
@Entity
@Table(name = "sites")
public class SiteEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    public String name;
    public String street;
    @Column(name = "postal_code")
    public String postalCode;
    public String city;
    public String region;
    public String country;
    public BigDecimal latitude;
    public BigDecimal longitude;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public Long version;
}
