package io.chargeplane.device.identity;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KeycloakLocationTest {

    @Test
    void adminUrlAndRealmAreDerivedFromTheOidcServerUrl() {
        KeycloakLocation location = KeycloakLocation.resolve("http://127.0.0.1:8180/realms/chargeplane/",
                Optional.empty(), Optional.empty());
        assertEquals("http://127.0.0.1:8180", location.baseUrl());
        assertEquals("chargeplane", location.realm());
        assertEquals("http://127.0.0.1:8180/admin/realms/chargeplane/clients", location.clients());
        assertEquals("http://127.0.0.1:8180/realms/chargeplane/protocol/openid-connect/token", location.tokenEndpoint());
    }

    @Test
    void keycloakBehindAPathKeepsThePath() {
        KeycloakLocation location = KeycloakLocation.resolve("https://id.example.org/auth/realms/ops",
                Optional.empty(), Optional.empty());
        assertEquals("https://id.example.org/auth", location.baseUrl());
        assertEquals("ops", location.realm());
    }

    @Test
    void configuredValuesWinOverTheDerivedOnes() {
        KeycloakLocation location = KeycloakLocation.resolve("http://public/realms/chargeplane",
                Optional.of("http://keycloak-internal:8080/"), Optional.of("devices"));
        assertEquals("http://keycloak-internal:8080/admin/realms/devices/clients", location.clients());
    }

    @Test
    void serverUrlWithoutRealmNeedsExplicitValues() {
        assertThrows(IllegalArgumentException.class,
                () -> KeycloakLocation.resolve("http://keycloak:8080", Optional.empty(), Optional.empty()));
        assertEquals("chargeplane", KeycloakLocation.resolve(null, Optional.of("http://k"), Optional.of("chargeplane")).realm());
    }
}
