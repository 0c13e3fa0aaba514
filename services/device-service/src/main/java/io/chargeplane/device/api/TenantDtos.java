package io.chargeplane.device.api;

import io.chargeplane.device.persistence.TenantEntity;
import io.chargeplane.model.id.TenantId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Request and response bodies of {@code /api/v1/tenants}. */
public final class TenantDtos {

    private TenantDtos() {
    }

    @Schema(name = "TenantCreate", description = "A new tenant (charging operator)")
    public record Create(
            @Schema(description = "Tenant id, as carried in the users' 'tenant' token claim and in MQTT topics",
                    examples = "acme", required = true) TenantId id,
            @Schema(description = "Display name", required = true) String name) {
    }

    @Schema(name = "TenantPatch", description = "Changes to a tenant; absent fields stay as they are")
    public record Patch(@Schema(description = "Display name") String name) {
    }

    @Schema(name = "Tenant")
    public record View(String id, String name, Instant createdAt, Instant updatedAt,
                       @Schema(description = "Optimistic-lock version; also the ETag") long version) {

        static View of(TenantEntity e) {
            return new View(e.id, e.name, e.createdAt, e.updatedAt, e.version);
        }
    }
}
