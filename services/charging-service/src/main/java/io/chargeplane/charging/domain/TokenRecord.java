package io.chargeplane.charging.domain;

import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.device.IdTokenType;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.request.AuthorizeReply;

import java.time.Instant;

/**
 * An identification token a tenant registered: an RFID card, an app token and so on.
 *
 * @param owner the driver (Keycloak subject, the wallet owner) sessions started with it are billed to; may be null
 * @param groupId the parent id a device may use to let another card of the group stop a session; may be null
 * @param expiresAt after this instant the token is EXPIRED; null for never
 */
public record TokenRecord(TenantId tenant, String uid, IdTokenType type, String owner, String groupId,
                          Instant expiresAt, boolean blocked, Instant createdAt, Instant updatedAt, long version) {

    /** The verdict on this token at {@code now}: blocked before expired, both before accepted. */
    public AuthorizationStatus statusAt(Instant now) {
        if (blocked) {
            return AuthorizationStatus.BLOCKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return AuthorizationStatus.EXPIRED;
        }
        return AuthorizationStatus.ACCEPTED;
    }

    /** The reply to a device: an unknown token (null) is INVALID; an accepted one may be cached until it expires. */
    public static AuthorizeReply replyFor(TokenRecord token, Instant now) {
        if (token == null) {
            return AuthorizeReply.of(AuthorizationStatus.INVALID);
        }
        AuthorizationStatus status = token.statusAt(now);
        return new AuthorizeReply(status, status.accepted() ? token.expiresAt() : null, token.groupId());
    }
}
