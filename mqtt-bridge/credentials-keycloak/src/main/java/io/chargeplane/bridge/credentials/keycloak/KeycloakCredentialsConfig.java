package io.chargeplane.bridge.credentials.keycloak;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The Keycloak credential store, under {@code chargeplane.bridge.credentials.keycloak.*}; used when
 * {@code chargeplane.bridge.credentials.source=keycloak}. Device clients follow the platform's contract:
 * client id {@code device-<stationId>}, attributes {@code chargeplane.tenant} and {@code chargeplane.device},
 * enabled = may connect, the client secret is the charger's Basic-auth password.
 */
@ConfigMapping(prefix = "chargeplane.bridge.credentials.keycloak")
public interface KeycloakCredentialsConfig {

    /** Keycloak's base URL, e.g. {@code http://keycloak:8080} (no {@code /realms/...}); required in keycloak mode. */
    Optional<String> serverUrl();

    @WithDefault("chargeplane")
    String realm();

    /** The bridge's own client; its service account needs {@code view-clients} and {@code query-clients}. */
    @WithDefault("mqtt-bridge")
    String clientId();

    /** The bridge client's secret; required in keycloak mode. */
    Optional<String> clientSecret();

    /** Device client ids are this prefix plus the station id. */
    @WithDefault("device-")
    String deviceClientPrefix();

    /**
     * How long a secret Keycloak accepted is accepted again without asking. This is the revocation bound: a
     * device disabled, deleted or given a new secret in Keycloak can still open new connections with its old
     * secret for at most this long after its last successful verification (connections already open stay
     * open until they close).
     */
    @WithDefault("5m")
    Duration cacheTtl();

    /** How long "no such station" and "station disabled" are remembered, so a flood of them stays local. */
    @WithDefault("30s")
    Duration unknownTtl();

    /** Most stations remembered (verified or negative); the oldest verification is dropped first. */
    @WithDefault("100000")
    int cacheCapacity();

    /** Most verifications talking to Keycloak at once from this instance. */
    @WithDefault("16")
    int maxConcurrent();

    /** Most verifications waiting for a slot; beyond it the charger gets 503 at once. */
    @WithDefault("20000")
    int maxQueued();

    /** How long a verification waits for a slot before the charger gets 503 (it retries). */
    @WithDefault("5s")
    Duration queueTimeout();

    /** Time limit of each HTTP request to Keycloak; past it the charger gets 503. */
    @WithDefault("5s")
    Duration requestTimeout();
}
