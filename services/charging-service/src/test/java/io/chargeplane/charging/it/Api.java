package io.chargeplane.charging.it;

import io.chargeplane.testkit.keycloak.KeycloakTokens;
import io.chargeplane.testkit.server.SharedServices;
import io.restassured.specification.RequestSpecification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/** REST calls as the demo realm's users. */
final class Api {

    static final String PROBLEM = "application/problem+json";
    static final String TENANT_HEADER = "X-Chargeplane-Tenant";

    private record Cached(String token, Instant at) {
    }

    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();

    private Api() {
    }

    static String token(String user) {
        Cached cached = TOKENS.get(user);
        if (cached == null || cached.at().isBefore(Instant.now().minusSeconds(120))) {
            cached = new Cached(KeycloakTokens.of(SharedServices.keycloak()).userToken(user), Instant.now());
            TOKENS.put(user, cached);
        }
        return cached.token();
    }

    static String subject(String user) {
        return String.valueOf(KeycloakTokens.claims(token(user)).get("sub"));
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user)).contentType("application/json");
    }

    static RequestSpecification change(String user) {
        return as(user).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static void createToken(String admin, String uid, String owner, Instant expiresAt, boolean blocked) {
        var body = new java.util.HashMap<String, Object>();
        body.put("uid", uid);
        body.put("type", "RFID");
        body.put("owner", owner);
        body.put("blocked", blocked);
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        change(admin).body(body).post("/api/v1/tokens").then().statusCode(201);
    }
}
