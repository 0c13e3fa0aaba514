package io.chargeplane.charging.api;

import io.chargeplane.charging.domain.TokenRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The JSON of the token API. */
public final class TokenDtos {

    private TokenDtos() {
    }

    @Schema(description = "A token to register")
    public record Create(@Schema(description = "The RFID UID or token value, unique in the tenant") String uid,
                         @Schema(description = "RFID, APP, KEY_CODE, ...") String type,
                         @Schema(description = "The driver (Keycloak subject) billed for sessions it starts") String owner,
                         @Schema(description = "Group (parent) id") String groupId,
                         @Schema(description = "After this instant the token is expired; omitted for never") Instant expiresAt,
                         Boolean blocked) {
    }

    @Schema(description = "The changeable fields of a token; the whole set replaces the stored one")
    public record Update(String type, String owner, String groupId, Instant expiresAt, Boolean blocked) {
    }

    public record View(String uid, String tenantId, String type, String owner, String groupId, Instant expiresAt,
                       boolean blocked, String status, Instant createdAt, Instant updatedAt, long version) {

        static View of(TokenRecord t, Instant now) {
            return new View(t.uid(), t.tenant().value(), t.type().name(), t.owner(), t.groupId(), t.expiresAt(),
                    t.blocked(), t.statusAt(now).name(), t.createdAt(), t.updatedAt(), t.version());
        }
    }
}
