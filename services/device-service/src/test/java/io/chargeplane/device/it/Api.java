package io.chargeplane.device.it;

import io.chargeplane.testkit.keycloak.KeycloakTokens;
import io.chargeplane.testkit.server.SharedServices;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/** Requests as the demo realm's users, and builders for registry bodies. */
final class Api {

    static final String PROBLEM = "application/problem+json";
    static final String TENANT_HEADER = "X-Chargeplane-Tenant";

    private record Cached(String token, Instant fetched) {
    }

    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();

    private Api() {
    }

    /** A fresh enough access token of a demo user (they live ten minutes in the demo realm). */
    static String token(String user) {
        Cached cached = TOKENS.get(user);
        if (cached == null || cached.fetched().isBefore(Instant.now().minus(Duration.ofMinutes(4)))) {
            cached = new Cached(KeycloakTokens.of(SharedServices.keycloak()).userToken(user), Instant.now());
            TOKENS.put(user, cached);
        }
        return cached.token();
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    /** A request carrying a fresh Idempotency-Key. */
    static RequestSpecification change(String user) {
        return as(user).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates the demo tenants once; a repeat finds them already there. */
    static void ensureTenants() {
        for (String tenant : List.of("acme", "volt")) {
            change("platform-admin").body(Map.of("id", tenant, "name", tenant.toUpperCase() + " Charging"))
                    .post("/api/v1/tenants").then().statusCode(anyOf(is(201), is(409)));
        }
    }

    static Map<String, Object> site(String name) {
        return Map.of("name", name,
                "address", Map.of("street", "Hauptstr. 1", "postalCode", "10115", "city", "Berlin", "country", "DE"),
                "location", Map.of("latitude", 52.520008, "longitude", 13.404954),
                "timeZone", "Europe/Berlin");
    }

    static Map<String, Object> charger(String siteId, String identity) {
        return Map.of("siteId", siteId, "name", "Pile " + identity, "kind", "CHARGER", "vendor", "Wallbox Co",
                "model", "DC-60", "serialNumber", identity + "-sn", "protocol", "ocpp1.6", "firmwareVersion", "1.2.3",
                "identity", identity,
                "evses", List.of(
                        Map.of("evseNumber", 1, "connectors", List.of(
                                Map.of("connectorNumber", 1, "type", "CCS_2", "powerType", "DC", "maxPowerW", 60000))),
                        Map.of("evseNumber", 2, "connectors", List.of(
                                Map.of("connectorNumber", 1, "type", "TYPE_2", "powerType", "AC_3_PHASE", "maxPowerW", 22000),
                                Map.of("connectorNumber", 2, "type", "CHADEMO", "powerType", "DC", "maxPowerW", 50000)))));
    }

    static Map<String, Object> gate(String siteId, String identity) {
        return Map.of("siteId", siteId, "name", "Gate " + identity, "kind", "BARRIER", "vendor", "GateWorks",
                "model", "BG-2", "protocol", "vendor-mqtt", "identity", identity);
    }

    static String createSite(String user, String name) {
        return change(user).body(site(name)).post("/api/v1/sites").then().statusCode(201).extract().path("id");
    }

    static String createDevice(String user, Map<String, Object> body) {
        return change(user).body(body).post("/api/v1/devices").then().statusCode(201).extract().path("id");
    }
}
