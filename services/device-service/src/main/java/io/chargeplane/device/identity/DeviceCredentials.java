package io.chargeplane.device.identity;

/**
 * What a device authenticates with: its Keycloak client and that client's secret. The secret exists only in the
 * answer that issued it; device-service keeps no copy.
 *
 * @param clientId {@code device-<identity>}
 * @param secret   the client secret, also the OCPP basic-auth password; null where an answer is replayed
 */
public record DeviceCredentials(String clientId, String secret) {

    @Override
    public String toString() {
        return "DeviceCredentials[clientId=" + clientId + ", secret=" + (secret == null ? "none" : "***") + "]";
    }

    /** The same client without the secret, as a replayed answer shows it. */
    public DeviceCredentials withoutSecret() {
        return new DeviceCredentials(clientId, null);
    }
}
