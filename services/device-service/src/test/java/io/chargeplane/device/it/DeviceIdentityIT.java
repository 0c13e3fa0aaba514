package io.chargeplane.device.it;

import io.chargeplane.device.identity.DeviceClients;
import io.chargeplane.device.identity.IdentityReconciler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.chargeplane.device.it.Api.PROBLEM;
import static io.chargeplane.device.it.Api.as;
import static io.chargeplane.device.it.Api.change;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Device identities against the real Keycloak of the test kit: every registered device has its own client there,
 * whose secret (shown once) gets realm tokens by the client-credentials grant, as MQTT-native devices and the
 * bridge's credential check use it.
 */
@QuarkusTest
@TestProfile(DeviceServiceProfile.class)
class DeviceIdentityIT {

    @Inject
    IdentityReconciler reconciler;

    private static String siteId;

    /** What a registration answered: the device and its one-time credentials. */
    record Device(String id, String identity, String clientId, String secret) {
    }

    @BeforeEach
    void acmeSite() {
        if (siteId == null) {
            Api.ensureTenants();
            siteId = Api.createSite("acme-admin", Api.unique("identity-site"));
        }
    }

    @Test
    void registeredChargerHasAnEnabledClientWithItsTenantDeviceAndProtocol() {
        Device charger = register(Api.charger(siteId, Api.unique("CP")));

        assertEquals("device-" + charger.identity(), charger.clientId());
        assertTrue(charger.secret().matches("[A-Za-z0-9_-]{43,}"), "URL-safe secret of at least 32 bytes");
        Map<String, Object> client = KeycloakRealm.client(charger.clientId()).orElseThrow();
        assertEquals(true, client.get("enabled"));
        assertEquals(false, client.get("publicClient"));
        assertEquals(true, client.get("serviceAccountsEnabled"));
        assertEquals(false, client.get("standardFlowEnabled"));
        assertEquals(false, client.get("implicitFlowEnabled"));
        assertEquals(false, client.get("directAccessGrantsEnabled"));
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
        assertEquals("acme", attributes.get("chargeplane.tenant"));
        assertEquals(charger.identity(), attributes.get("chargeplane.device"));
        assertEquals("ocpp1.6", attributes.get("chargeplane.protocol"));
    }

    @Test
    void mqttGateGetsRealmTokensCarryingItsTenantAndDevice() {
        Device gate = register(Api.gate(siteId, Api.unique("GATE")));

        Map<String, Object> claims = KeycloakRealm.claims(gate.clientId(), gate.secret());
        assertEquals("acme", claims.get("tenant"));
        assertEquals(gate.identity(), claims.get("device"));
        assertEquals("device-" + gate.identity(), claims.get("azp"));
    }

    @Test
    void wrongSecretIsRefused() {
        Device gate = register(Api.gate(siteId, Api.unique("GATE")));
        KeycloakRealm.tokenRequest(gate.clientId(), gate.secret() + "x").then().statusCode(401);
    }

    @Test
    void secretIsShownOnceAndARepeatedRegistrationNeitherShowsNorReplacesIt() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Api.gate(siteId, Api.unique("IDEM"));
        String secret = as("acme-admin").header("Idempotency-Key", key).body(body).post("/api/v1/devices")
                .then().statusCode(201).extract().path("credentials.secret");
        as("acme-admin").header("Idempotency-Key", key).body(body).post("/api/v1/devices")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("credentials.clientId", equalTo("device-" + body.get("identity")))
                .body("credentials", not(hasKey("secret")));
        as("acme-admin").get("/api/v1/devices?q=" + body.get("identity")).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0]", not(hasKey("credentials")));

        KeycloakRealm.claims("device-" + body.get("identity"), secret);
    }

    @Test
    void rotationReplacesTheSecretAtOnce() {
        Device charger = register(Api.charger(siteId, Api.unique("CP")));
        String key = UUID.randomUUID().toString();

        String rotated = as("acme-admin").header("Idempotency-Key", key)
                .post("/api/v1/devices/" + charger.id() + "/credentials/rotate")
                .then().statusCode(200).body("deviceId", equalTo(charger.id()))
                .body("credentials.clientId", equalTo(charger.clientId()))
                .extract().path("credentials.secret");
        assertNotEquals(charger.secret(), rotated);
        KeycloakRealm.tokenRequest(charger.clientId(), charger.secret()).then().statusCode(401);
        KeycloakRealm.claims(charger.clientId(), rotated);

        // A repeat replays the answer without a secret and leaves the rotated one in force.
        as("acme-admin").header("Idempotency-Key", key).post("/api/v1/devices/" + charger.id() + "/credentials/rotate")
                .then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("credentials", not(hasKey("secret")));
        KeycloakRealm.claims(charger.clientId(), rotated);
    }

    @Test
    void rotationGivesADeviceWithoutClientANewOne() {
        Device gate = register(Api.gate(siteId, Api.unique("GATE")));
        KeycloakRealm.delete(gate.clientId());

        String secret = change("acme-admin").post("/api/v1/devices/" + gate.id() + "/credentials/rotate")
                .then().statusCode(200).extract().path("credentials.secret");
        Map<String, Object> claims = KeycloakRealm.claims(gate.clientId(), secret);
        assertEquals(gate.identity(), claims.get("device"));
    }

    @Test
    void blockedDeviceIsRefusedTokensUntilUnblocked() {
        Device gate = register(Api.gate(siteId, Api.unique("GATE")));

        change("acme-admin").body(Map.of("status", "BLOCKED")).patch("/api/v1/devices/" + gate.id())
                .then().statusCode(200).body("status", equalTo("BLOCKED"));
        assertEquals(false, KeycloakRealm.client(gate.clientId()).orElseThrow().get("enabled"));
        KeycloakRealm.tokenRequest(gate.clientId(), gate.secret()).then().statusCode(401);

        change("acme-admin").body(Map.of("status", "ENABLED")).patch("/api/v1/devices/" + gate.id())
                .then().statusCode(200).body("status", equalTo("ENABLED"));
        KeycloakRealm.claims(gate.clientId(), gate.secret());
    }

    @Test
    void deviceRegisteredBlockedCannotGetTokens() {
        Map<String, Object> body = new HashMap<>(Api.gate(siteId, Api.unique("GATE")));
        body.put("status", "BLOCKED");
        Device gate = register(body);
        KeycloakRealm.tokenRequest(gate.clientId(), gate.secret()).then().statusCode(401);
    }

    @Test
    void deletedDeviceIsRefusedAndItsIdentityCanBeRegisteredAgain() {
        Map<String, Object> body = Api.gate(siteId, Api.unique("GATE"));
        Device gate = register(body);

        change("acme-admin").delete("/api/v1/devices/" + gate.id()).then().statusCode(204);
        KeycloakRealm.tokenRequest(gate.clientId(), gate.secret()).then().statusCode(401);
        assertTrue(KeycloakRealm.client(gate.clientId()).isEmpty(), "the client is deleted");

        Device again = register(body);
        KeycloakRealm.tokenRequest(gate.clientId(), gate.secret()).then().statusCode(401);
        KeycloakRealm.claims(again.clientId(), again.secret());
    }

    @Test
    void staleDeleteLeavesTheDeviceAbleToConnect() {
        Device gate = register(Api.gate(siteId, Api.unique("GATE")));
        change("acme-admin").header("If-Match", "\"7\"").delete("/api/v1/devices/" + gate.id())
                .then().statusCode(409).contentType(PROBLEM);
        KeycloakRealm.claims(gate.clientId(), gate.secret());
    }

    @Test
    void registrationTheRegistryRefusesLeavesNoClientBehind() {
        Map<String, Object> first = Api.charger(siteId, Api.unique("CP"));
        register(first);
        // Same vendor and serial number: Keycloak accepts the new client, the registry refuses the row.
        Map<String, Object> clash = new HashMap<>(Api.charger(siteId, Api.unique("CP")));
        clash.put("serialNumber", first.get("serialNumber"));
        change("acme-admin").body(clash).post("/api/v1/devices").then().statusCode(409).contentType(PROBLEM)
                .body("errors[0].field", equalTo("serialNumber"));
        assertTrue(KeycloakRealm.client("device-" + clash.get("identity")).isEmpty(), "the new client was deleted");
    }

    @Test
    void takenIdentityLeavesTheExistingClientAlone() {
        Map<String, Object> body = Api.gate(siteId, Api.unique("GATE"));
        Device gate = register(body);
        String voltSite = Api.createSite("volt-admin", Api.unique("volt-identity"));
        change("volt-admin").body(Api.gate(voltSite, (String) body.get("identity"))).post("/api/v1/devices")
                .then().statusCode(409).body("errors[0].field", equalTo("identity"));
        Map<String, Object> claims = KeycloakRealm.claims(gate.clientId(), gate.secret());
        assertEquals("acme", claims.get("tenant"));
    }

    @Test
    void anotherTenantCannotRotateBlockOrDeleteTheDevice() {
        Device gate = register(Api.gate(siteId, Api.unique("GATE")));

        change("volt-admin").post("/api/v1/devices/" + gate.id() + "/credentials/rotate")
                .then().statusCode(404).contentType(PROBLEM).body("code", equalTo("not_found"));
        change("volt-admin").body(Map.of("status", "BLOCKED")).patch("/api/v1/devices/" + gate.id())
                .then().statusCode(404);
        change("volt-admin").delete("/api/v1/devices/" + gate.id()).then().statusCode(404);
        change("acme-staff").post("/api/v1/devices/" + gate.id() + "/credentials/rotate").then().statusCode(403);

        assertEquals(true, KeycloakRealm.client(gate.clientId()).orElseThrow().get("enabled"));
        KeycloakRealm.claims(gate.clientId(), gate.secret());
    }

    @Test
    void platformAdminRotatesForTheTenantItNames() {
        Device gate = register(Api.gate(siteId, Api.unique("GATE")));
        change("platform-admin").post("/api/v1/devices/" + gate.id() + "/credentials/rotate")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("validation_failed"));
        String secret = change("platform-admin").header(Api.TENANT_HEADER, "acme")
                .post("/api/v1/devices/" + gate.id() + "/credentials/rotate")
                .then().statusCode(200).extract().path("credentials.secret");
        KeycloakRealm.claims(gate.clientId(), secret);
    }

    @Test
    void reconciliationDisablesTheClientOfABlockedDeviceAndDeletesAbandonedClients() {
        Device gate = register(Api.gate(siteId, Api.unique("GATE")));
        change("acme-admin").body(Map.of("status", "BLOCKED")).patch("/api/v1/devices/" + gate.id()).then().statusCode(200);
        KeycloakRealm.setEnabled(gate.clientId(), true);
        String abandoned = Api.unique("ABANDONED");
        KeycloakRealm.create(DeviceClients.representation("acme", abandoned, "vendor-mqtt", true, "x".repeat(43),
                Instant.now().minus(Duration.ofHours(1))));
        String inFlight = Api.unique("INFLIGHT");
        KeycloakRealm.create(DeviceClients.representation("acme", inFlight, "vendor-mqtt", true, "y".repeat(43),
                Instant.now()));

        IdentityReconciler.Outcome outcome = reconciler.run().await().atMost(Duration.ofSeconds(60));

        assertTrue(outcome.repaired() >= 1 && outcome.orphansDeleted() >= 1, outcome.toString());
        assertEquals(false, KeycloakRealm.client(gate.clientId()).orElseThrow().get("enabled"));
        KeycloakRealm.tokenRequest(gate.clientId(), gate.secret()).then().statusCode(401);
        assertTrue(KeycloakRealm.client("device-" + abandoned).isEmpty(), "the abandoned client is deleted");
        assertTrue(KeycloakRealm.client("device-" + inFlight).isPresent(), "a young client may be in flight");
    }

    private static Device register(Map<String, Object> body) {
        var response = change("acme-admin").body(body).post("/api/v1/devices")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract();
        return new Device(response.path("id"), (String) body.get("identity"), response.path("credentials.clientId"),
                response.path("credentials.secret"));
    }
}
