package io.chargeplane.billing.it;

import io.chargeplane.testkit.keycloak.KeycloakTokens;
import io.chargeplane.testkit.server.SharedServices;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/** Requests as the demo realm's users and the billing-service account, and request bodies. */
final class Api {

    static final String PROBLEM = "application/problem+json";
    static final String TENANT_HEADER = "X-Chargeplane-Tenant";
    static final String SERVICE = "service:billing-service";

    private record Cached(String token, Instant fetched) {
    }

    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, String> SUBJECTS = new ConcurrentHashMap<>();

    private Api() {
    }

    /** A fresh enough access token of a demo user, or of a service account for {@code service:<client>}. */
    static String token(String user) {
        Cached cached = TOKENS.get(user);
        if (cached == null || cached.fetched().isBefore(Instant.now().minus(Duration.ofMinutes(4)))) {
            KeycloakTokens tokens = KeycloakTokens.of(SharedServices.keycloak());
            String token = user.startsWith("service:") ? tokens.serviceToken(user.substring(8)) : tokens.userToken(user);
            cached = new Cached(token, Instant.now());
            TOKENS.put(user, cached);
        }
        return cached.token();
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    static RequestSpecification change(String user) {
        return as(user).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    /** The billing service account acting for {@code tenant}. */
    static RequestSpecification service(String tenant) {
        return change(SERVICE).header(TENANT_HEADER, tenant);
    }

    /** A demo user's wallet owner id (the token subject). */
    static String owner(String user) {
        return SUBJECTS.computeIfAbsent(user, u -> KeycloakTokens.claims(token(u)).get("sub").toString());
    }

    static Map<String, Object> cny(long minor) {
        return Map.of("minorUnits", minor, "currency", "CNY");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static long available(String user) {
        return ((Number) as(user).get("/api/v1/wallet").then().statusCode(200).extract().path("available.minorUnits")).longValue();
    }

    static long held(String user) {
        return ((Number) as(user).get("/api/v1/wallet").then().statusCode(200).extract().path("held.minorUnits")).longValue();
    }

    /** Credits a driver through an operator adjustment (instant, unlike a top-up). */
    static void fund(String admin, String driver, long minor) {
        change(admin).body(Map.of("reference", unique("fund"), "reason", "test funds", "amount", cny(minor)))
                .post("/api/v1/wallets/" + owner(driver) + "/adjustments").then().statusCode(200);
    }

    static String hold(String tenant, String driver, String session, long minor) {
        return holdOf(tenant, owner(driver), session, minor);
    }

    /** A hold on the wallet of {@code owner} (a wallet id, not necessarily a demo user's). */
    static String holdOf(String tenant, String owner, String session, long minor) {
        return service(tenant).body(Map.of("sessionId", session, "owner", owner, "amount", cny(minor)))
                .post("/api/v1/holds").then().statusCode(201).extract().path("id");
    }
}
