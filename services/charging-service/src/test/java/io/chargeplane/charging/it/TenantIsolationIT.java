package io.chargeplane.charging.it;

import io.chargeplane.testkit.api.OpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.chargeplane.charging.it.Api.PROBLEM;
import static io.chargeplane.charging.it.Api.TENANT_HEADER;
import static io.chargeplane.charging.it.Api.as;
import static io.chargeplane.charging.it.Api.change;
import static io.chargeplane.charging.it.Api.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every endpoint, one row each: users of tenant acme (operator and driver) can neither read nor change tenant volt's
 * data, and nobody gets anything without a token. The table is checked against the generated OpenAPI document, so
 * an endpoint added without a row here fails the build.
 */
@QuarkusTest
@TestProfile(ChargingServiceProfile.class)
class TenantIsolationIT {

    /** Volt's data that acme users aim at. */
    record Volt(String tokenUid, String sessionId, String device) {
    }

    record Endpoint(String method, String path, Consumer<Volt> crossTenant,
                    BiFunction<RequestSpecification, Volt, Response> call) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static Volt volt;

    @BeforeEach
    void voltData() throws Exception {
        if (volt != null) {
            return;
        }
        String uid = unique("VOLT");
        Api.createToken("volt-admin", uid, Api.subject("volt-driver"), Instant.now().plus(Duration.ofDays(1)), false);
        Charger charger = new Charger("volt", unique("CP"), unique("TX"));
        Kafka.send(charger.started(uid, 100, Instant.now().minusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("volt-admin").queryParam("device", charger.device())
                .get("/api/v1/sessions").then().body("items[0].state", equalTo("ACTIVE")));
        String sessionId = as("volt-admin").queryParam("device", charger.device()).get("/api/v1/sessions").then()
                .extract().path("items[0].id");
        change("volt-admin").body(Map.of("offlinePolicy", "reject")).put("/api/v1/charging-policy").then().statusCode(200);
        volt = new Volt(uid, sessionId, charger.device());
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("GET", "/api/v1/tokens", TenantIsolationIT::tokenListShowsOnlyOwnTenant,
                        (spec, v) -> spec.get("/api/v1/tokens")),
                new Endpoint("POST", "/api/v1/tokens", TenantIsolationIT::cannotCreateTokenForOtherTenant,
                        (spec, v) -> spec.body(Map.of("uid", unique("T"), "type", "RFID")).post("/api/v1/tokens")),
                new Endpoint("GET", "/api/v1/tokens/{uid}", TenantIsolationIT::otherTenantsTokenIsNotFound,
                        (spec, v) -> spec.get("/api/v1/tokens/" + v.tokenUid())),
                new Endpoint("PUT", "/api/v1/tokens/{uid}", TenantIsolationIT::cannotChangeOtherTenantsToken,
                        (spec, v) -> spec.body(Map.of("type", "RFID", "blocked", true)).put("/api/v1/tokens/" + v.tokenUid())),
                new Endpoint("DELETE", "/api/v1/tokens/{uid}", TenantIsolationIT::cannotDeleteOtherTenantsToken,
                        (spec, v) -> spec.delete("/api/v1/tokens/" + v.tokenUid())),
                new Endpoint("GET", "/api/v1/charging-policy", TenantIsolationIT::cannotReadOtherTenantsPolicy,
                        (spec, v) -> spec.get("/api/v1/charging-policy")),
                new Endpoint("PUT", "/api/v1/charging-policy", TenantIsolationIT::cannotSetOtherTenantsPolicy,
                        (spec, v) -> spec.body(Map.of("offlinePolicy", "accept")).put("/api/v1/charging-policy")),
                new Endpoint("GET", "/api/v1/sessions", TenantIsolationIT::sessionListShowsOnlyOwnTenant,
                        (spec, v) -> spec.get("/api/v1/sessions")),
                new Endpoint("POST", "/api/v1/sessions", TenantIsolationIT::cannotStartAtOtherTenantsCharger,
                        (spec, v) -> spec.body(Map.of("station", v.device(), "evse", 1)).post("/api/v1/sessions")),
                new Endpoint("GET", "/api/v1/sessions/{sessionId}", TenantIsolationIT::otherTenantsSessionIsNotFound,
                        (spec, v) -> spec.get("/api/v1/sessions/" + v.sessionId())),
                new Endpoint("GET", "/api/v1/sessions/{sessionId}/events", TenantIsolationIT::otherTenantsSessionEventsAreNotFound,
                        (spec, v) -> spec.get("/api/v1/sessions/" + v.sessionId() + "/events")),
                new Endpoint("POST", "/api/v1/sessions/{sessionId}/stop", TenantIsolationIT::cannotStopOtherTenantsSession,
                        (spec, v) -> spec.post("/api/v1/sessions/" + v.sessionId() + "/stop")));
    }

    @Test
    void endpointTableCoversEveryOperationOfTheOpenApiDocument() {
        Set<String> tested = endpoints().map(Endpoint::toString).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(OpenApiDocument.fetch().operations(), tested);
    }

    @Test
    void everyOperationIsDescribedInTheOpenApiDocument() {
        OpenApiDocument openApi = OpenApiDocument.fetch();
        endpoints().forEach(e -> assertFalse(openApi.description(e.method(), e.path()).isBlank(), e + " has a description"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void userOfAnotherTenantCannotReadOrChangeVoltData(Endpoint endpoint) {
        endpoint.crossTenant().accept(volt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void requestWithoutTokenIsUnauthenticated(Endpoint endpoint) {
        endpoint.call().apply(given().contentType("application/json").header("Idempotency-Key", "k"), volt)
                .then().statusCode(401).contentType(PROBLEM).body("code", equalTo("unauthenticated"));
    }

    // --- one cross-tenant check per endpoint ---

    private static void tokenListShowsOnlyOwnTenant(Volt v) {
        as("acme-admin").queryParam("size", 100).get("/api/v1/tokens").then().statusCode(200)
                .body("items.tenantId", everyItem(equalTo("acme")));
        as("acme-admin").header(TENANT_HEADER, "volt").get("/api/v1/tokens").then().statusCode(403)
                .contentType(PROBLEM).body("code", equalTo("tenant_forbidden"));
        as("acme-driver").get("/api/v1/tokens").then().statusCode(403).body("code", equalTo("forbidden"));
    }

    private static void cannotCreateTokenForOtherTenant(Volt v) {
        String uid = unique("ROGUE");
        change("acme-admin").header(TENANT_HEADER, "volt").body(Map.of("uid", uid, "type", "RFID"))
                .post("/api/v1/tokens").then().statusCode(403).body("code", equalTo("tenant_forbidden"));
        as("volt-admin").get("/api/v1/tokens/" + uid).then().statusCode(404);
        // The same uid may exist in two tenants without touching each other.
        change("acme-admin").body(Map.of("uid", v.tokenUid(), "type", "RFID")).post("/api/v1/tokens")
                .then().statusCode(201);
        as("volt-admin").get("/api/v1/tokens/" + v.tokenUid()).then().statusCode(200).body("status", equalTo("ACCEPTED"));
        change("acme-admin").delete("/api/v1/tokens/" + v.tokenUid()).then().statusCode(204);
    }

    private static void otherTenantsTokenIsNotFound(Volt v) {
        for (String user : new String[]{"acme-admin", "acme-staff"}) {
            as(user).get("/api/v1/tokens/" + v.tokenUid()).then().statusCode(404).contentType(PROBLEM)
                    .body("code", equalTo("not_found"));
        }
    }

    private static void cannotChangeOtherTenantsToken(Volt v) {
        change("acme-admin").body(Map.of("type", "RFID", "blocked", true)).put("/api/v1/tokens/" + v.tokenUid())
                .then().statusCode(404).contentType(PROBLEM);
        as("volt-admin").get("/api/v1/tokens/" + v.tokenUid()).then().body("blocked", equalTo(false));
    }

    private static void cannotDeleteOtherTenantsToken(Volt v) {
        change("acme-admin").delete("/api/v1/tokens/" + v.tokenUid()).then().statusCode(404).contentType(PROBLEM);
        as("volt-admin").get("/api/v1/tokens/" + v.tokenUid()).then().statusCode(200);
    }

    private static void cannotReadOtherTenantsPolicy(Volt v) {
        as("acme-admin").header(TENANT_HEADER, "volt").get("/api/v1/charging-policy").then().statusCode(403)
                .body("code", equalTo("tenant_forbidden"));
        as("volt-staff").get("/api/v1/charging-policy").then().statusCode(200).body("offlinePolicy", equalTo("reject"));
    }

    private static void cannotSetOtherTenantsPolicy(Volt v) {
        change("acme-admin").header(TENANT_HEADER, "volt").body(Map.of("offlinePolicy", "accept"))
                .put("/api/v1/charging-policy").then().statusCode(403).body("code", equalTo("tenant_forbidden"));
        change("acme-staff").body(Map.of("offlinePolicy", "accept")).put("/api/v1/charging-policy")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        as("volt-admin").get("/api/v1/charging-policy").then().body("offlinePolicy", equalTo("reject"));
    }

    private static void sessionListShowsOnlyOwnTenant(Volt v) {
        for (String user : new String[]{"acme-admin", "acme-staff", "acme-driver"}) {
            as(user).queryParam("size", 100).get("/api/v1/sessions").then().statusCode(200)
                    .body("items.tenantId", everyItem(equalTo("acme")));
            as(user).queryParam("device", v.device()).get("/api/v1/sessions").then().statusCode(200)
                    .body("items.size()", equalTo(0));
        }
        as("acme-admin").header(TENANT_HEADER, "volt").get("/api/v1/sessions").then().statusCode(403);
    }

    private static void cannotStartAtOtherTenantsCharger(Volt v) {
        change("acme-driver").header(TENANT_HEADER, "volt").body(Map.of("station", v.device(), "evse", 1))
                .post("/api/v1/sessions").then().statusCode(403).body("code", equalTo("tenant_forbidden"));
        change("acme-admin").body(Map.of("station", v.device(), "evse", 1)).post("/api/v1/sessions")
                .then().statusCode(403).body("code", equalTo("forbidden"));
    }

    private static void otherTenantsSessionEventsAreNotFound(Volt v) {
        for (String user : new String[]{"acme-admin", "acme-staff", "acme-driver"}) {
            as(user).get("/api/v1/sessions/" + v.sessionId() + "/events").then().statusCode(404).contentType(PROBLEM)
                    .body("code", equalTo("not_found"));
        }
        as("volt-driver").get("/api/v1/sessions/" + v.sessionId() + "/events").then().statusCode(200);
    }

    private static void otherTenantsSessionIsNotFound(Volt v) {
        for (String user : new String[]{"acme-admin", "acme-staff", "acme-driver"}) {
            as(user).get("/api/v1/sessions/" + v.sessionId()).then().statusCode(404).contentType(PROBLEM)
                    .body("code", equalTo("not_found"));
        }
        as("volt-driver").get("/api/v1/sessions/" + v.sessionId()).then().statusCode(200);
    }

    private static void cannotStopOtherTenantsSession(Volt v) {
        for (String user : new String[]{"acme-admin", "acme-driver"}) {
            change(user).post("/api/v1/sessions/" + v.sessionId() + "/stop").then().statusCode(404)
                    .contentType(PROBLEM).body("code", equalTo("not_found"));
        }
        as("volt-admin").get("/api/v1/sessions/" + v.sessionId()).then().body("state", equalTo("ACTIVE"));
    }
}
