package io.chargeplane.bridge.core.spi;

import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What the platform knows about a station's identity.
 *
 * @param stationId the identity the station presents (OCPP charge point id)
 * @param tenant the tenant that owns it
 * @param device the canonical device id it is registered under
 * @param passwordHash the salted hash of its Basic-auth password; null for profile 3 (client certificate) and
 *                     when the store verifies secrets elsewhere (the Keycloak store)
 * @param securityProfile OCPP security profile 1, 2 or 3 (0 = none, only for closed test networks)
 * @param enabled false for stations that must be refused
 */
public record StationCredentials(String stationId, TenantId tenant, DeviceId device, PasswordHash passwordHash,
                                 int securityProfile, boolean enabled) {

    public StationCredentials {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
        if (securityProfile < 0 || securityProfile > 3) {
            throw new IllegalArgumentException("securityProfile must be 0-3, was " + securityProfile);
        }
    }

    public DeviceAddress address() {
        return new DeviceAddress(tenant, device);
    }

    /**
     * Whether the presented password matches, in constant time. False for disabled stations and for stations
     * without a password hash.
     */
    public boolean verify(byte[] password) {
        return enabled && passwordHash != null && passwordHash.matches(password);
    }

    public boolean verify(String password) {
        return password != null && verify(password.getBytes(StandardCharsets.UTF_8));
    }
}
