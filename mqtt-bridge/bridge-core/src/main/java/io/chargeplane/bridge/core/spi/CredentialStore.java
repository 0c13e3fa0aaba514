package io.chargeplane.bridge.core.spi;

import io.smallrye.mutiny.Uni;

/**
 * Where an adapter looks up a connecting station before it accepts the connection (OCPP security profiles
 * 1–3 Basic authentication). Holds salted hashes only, never clear secrets. Core provides a file-backed
 * implementation ({@code chargeplane.bridge.credentials.file}); device-service will provide the real one.
 */
public interface CredentialStore {

    /**
     * The credentials of the station with this identity (the OCPP charge point id as it appears in the URL),
     * or a null item when the station is unknown. Unknown and disabled stations must both be refused.
     */
    Uni<StationCredentials> find(String stationId);
}
