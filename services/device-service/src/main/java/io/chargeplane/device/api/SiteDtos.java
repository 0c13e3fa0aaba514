package io.chargeplane.device.api;

import io.chargeplane.device.persistence.SiteEntity;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of {@code /api/v1/sites}. */
public final class SiteDtos {

    private SiteDtos() {
    }

    @Schema(name = "Address")
    public record Address(
            String street,
            String postalCode,
            @Schema(required = true) String city,
            String region,
            @Schema(description = "ISO 3166-1 alpha-2", examples = "DE", required = true) String country) {
    }

    @Schema(name = "Location", description = "WGS 84 position in degrees, at most 6 decimals")
    public record Location(
            @Schema(examples = "52.520008") BigDecimal latitude,
            @Schema(examples = "13.404954") BigDecimal longitude) {
    }

    @Schema(name = "SiteCreate", description = "A new site of the tenant acted for")
    public record Create(
            @Schema(required = true) String name,
            @Schema(required = true) Address address,
            Location location,
            @Schema(description = "IANA time zone of the site", examples = "Europe/Berlin", required = true)
            String timeZone) {
    }

    @Schema(name = "SitePatch", description = "Changes to a site; an absent field stays, a given address or location replaces the old one whole")
    public record Patch(String name, Address address, Location location, String timeZone) {
    }

    @Schema(name = "Site")
    public record View(UUID id, String tenantId, String name, Address address, Location location, String timeZone,
                       Instant createdAt, Instant updatedAt,
                       @Schema(description = "Optimistic-lock version; also the ETag") long version) {

        static View of(SiteEntity e) {
            Location location = e.latitude == null ? null : new Location(e.latitude, e.longitude);
            return new View(e.id, e.tenantId, e.name,
                    new Address(e.street, e.postalCode, e.city, e.region, e.country),
                    location, e.timeZone, e.createdAt, e.updatedAt, e.version);
        }
    }
}
