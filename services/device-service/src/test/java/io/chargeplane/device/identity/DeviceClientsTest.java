package io.chargeplane.device.identity;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceClientsTest {

    @Test
    @SuppressWarnings("unchecked")
    void deviceClientIsAConfidentialServiceAccountWithTenantAndDeviceClaims() {
        Map<String, Object> client = DeviceClients.representation("acme", "CP-0042", "ocpp1.6", true, "s3cret",
                java.time.Instant.parse("2026-11-25T08:00:00Z"));
        assertEquals("device-CP-0042", client.get("clientId"));
        assertEquals(false, client.get("publicClient"));
        assertEquals(true, client.get("serviceAccountsEnabled"));
        assertEquals(false, client.get("standardFlowEnabled"));
        assertEquals(false, client.get("implicitFlowEnabled"));
        assertEquals(false, client.get("directAccessGrantsEnabled"));
        assertEquals(true, client.get("enabled"));
        assertEquals("s3cret", client.get("secret"));
        assertEquals(Map.of("chargeplane.tenant", "acme", "chargeplane.device", "CP-0042",
                "chargeplane.protocol", "ocpp1.6", "chargeplane.created-at", "2026-11-25T08:00:00Z"), client.get("attributes"));
        List<Map<String, Object>> mappers = (List<Map<String, Object>>) client.get("protocolMappers");
        Map<String, String> claims = new java.util.HashMap<>();
        for (Map<String, Object> mapper : mappers) {
            Map<String, String> config = (Map<String, String>) mapper.get("config");
            assertEquals("true", config.get("access.token.claim"));
            claims.put(config.get("claim.name"), config.get("claim.value"));
        }
        assertEquals(Map.of("tenant", "acme", "device", "CP-0042"), claims);
    }

    @Test
    void blockedDeviceGetsADisabledClient() {
        assertEquals(false, DeviceClients.representation("acme", "G-1", "vendor-mqtt", false, "x",
                java.time.Instant.now()).get("enabled"));
    }

    @Test
    void secretsAreUrlSafeAndCarry32RandomBytes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = DeviceSecrets.generate();
            assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
            assertEquals(32, Base64.getUrlDecoder().decode(secret).length);
            assertTrue(seen.add(secret), "a secret repeated");
        }
    }

    @Test
    void credentialsNeverPrintTheirSecret() {
        assertEquals(false, new DeviceCredentials("device-X", "top-secret").toString().contains("top-secret"));
    }
}
