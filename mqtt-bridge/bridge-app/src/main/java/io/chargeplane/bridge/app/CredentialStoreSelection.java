package io.chargeplane.bridge.app;

import io.chargeplane.bridge.core.config.BridgeConfig;
import io.chargeplane.bridge.core.credentials.FileCredentialStore;
import io.chargeplane.bridge.core.spi.CredentialStore;
import io.chargeplane.bridge.credentials.keycloak.KeycloakCredentialStore;
import io.chargeplane.bridge.credentials.keycloak.KeycloakCredentialsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * The station credential store chosen by {@code chargeplane.bridge.credentials.source}: {@code file} or
 * {@code keycloak}. Replaces core's default (file-only) bean. An unknown source stops startup, because a bridge
 * that refuses every charger looks healthy.
 */
@Singleton
public class CredentialStoreSelection {

    @Produces
    @Singleton
    CredentialStore credentials(BridgeConfig bridge, KeycloakCredentialsConfig keycloak, Vertx vertx,
                                MeterRegistry registry) {
        String source = bridge.credentials().source().trim().toLowerCase(Locale.ROOT);
        return switch (source) {
            case "file" -> bridge.credentials().file().map(FileCredentialStore::load)
                    .orElseGet(FileCredentialStore::empty);
            case "keycloak" -> new KeycloakCredentialStore(vertx, keycloak, registry);
            default -> throw new IllegalStateException("chargeplane.bridge.credentials.source is '" + source
                    + "'; use file or keycloak");
        };
    }

    void close(@Disposes CredentialStore store) {
        if (store instanceof KeycloakCredentialStore keycloak) {
            keycloak.close();
        }
    }
}
