package io.chargeplane.testkit.quarkus;

import io.chargeplane.testkit.keycloak.DemoRealm;
import io.chargeplane.testkit.server.KeycloakServer;
import io.chargeplane.testkit.server.SharedServices;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points {@code quarkus-oidc} at the {@code chargeplane} realm of the JVM's shared Keycloak. Init argument
 * {@code client-id} (one of {@link DemoRealm#SERVICE_CLIENTS}) also sets the client id and its demo secret,
 * for services that call other services or the admin API with their own service account.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    private String clientId;

    @Override
    public void init(Map<String, String> initArgs) {
        clientId = initArgs.get("client-id");
    }

    @Override
    public Map<String, String> start() {
        KeycloakServer keycloak = SharedServices.keycloak();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc.auth-server-url", keycloak.realmUrl(DemoRealm.REALM));
        config.put("chargeplane.testkit.keycloak.url", keycloak.url());
        config.put("chargeplane.testkit.keycloak.admin-username", keycloak.adminUsername());
        config.put("chargeplane.testkit.keycloak.admin-password", keycloak.adminPassword());
        if (clientId != null) {
            config.put("quarkus.oidc.client-id", clientId);
            config.put("quarkus.oidc.credentials.secret", DemoRealm.clientSecret(clientId));
        }
        return config;
    }

    /** The server outlives the Quarkus application: {@link SharedServices} stops it when the JVM exits. */
    @Override
    public void stop() {
    }
}
