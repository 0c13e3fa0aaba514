package io.chargeplane.model.request;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.AuthorizationStatus;
import java.time.Instant;

/**
 * The verdict on an identification.
 *
 * @param expiresAt until when the device may cache the verdict; may be null
 * @param groupId the parent id (OCPP parentIdTag / groupIdToken) so a device can stop a session started by
 *                another card of the same group; may be null
 */
public record AuthorizeReply(AuthorizationStatus status, Instant expiresAt, String groupId) implements DeviceReply {

    public AuthorizeReply {
        Require.present(status, "status");
        Require.optionalText(groupId, "groupId", 64);
    }

    public static AuthorizeReply of(AuthorizationStatus status) {
        return new AuthorizeReply(status, null, null);
    }

    @Override
    public String requestName() {
        return AuthorizeRequest.NAME;
    }
}
