package io.chargeplane.device.it;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/**
 * The module's engines (tokens of users are still validated against the test kit's Keycloak), but the admin API
 * that device identities need points at a closed port: Keycloak is down as far as identity changes go.
 */
public class KeycloakAdminDownProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return new DeviceServiceProfile().testResources();
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("chargeplane.device.identity.admin-url", "http://127.0.0.1:" + closedPort(),
                "chargeplane.device.identity.timeout", "2s");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
