package io.chargeplane.bridge.core.spi;

import io.smallrye.mutiny.Uni;

/**
 * Decides whether a connecting station may connect (OCPP security profiles 1–3 Basic authentication, before
 * the protocol starts). Verifying the secret is the store's job, because some stores never see a hash: the
 * Keycloak-backed store asks Keycloak whether the secret is the device client's secret. No store keeps a
 * clear secret.
 *
 * <p>Core provides {@code FileCredentialStore} ({@code chargeplane.bridge.credentials.file}, PBKDF2 hashes);
 * the bridge application selects it or the Keycloak store with {@code chargeplane.bridge.credentials.source}.
 * Any other {@link CredentialStore} bean replaces core's.
 */
public interface CredentialStore {

    /**
     * Decides about the station with this identity (the OCPP charge point id as it appears in the URL) and
     * the secret it presented (the Basic-auth password's bytes; OCPP 1.6 keys may be binary), or null when it
     * presented none. Must not block the calling thread. Fails with {@link CredentialsUnavailableException}
     * when no decision can be made now.
     */
    Uni<StationVerdict> verify(String stationId, byte[] secret);
}
