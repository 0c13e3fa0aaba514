package io.chargeplane.platform.it;

import io.chargeplane.testkit.keycloak.KeycloakTokens;
import io.chargeplane.testkit.server.SharedServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The platform contracts against real Keycloak tokens and real Redis. */
@QuarkusTest
@TestProfile(PlatformServicesProfile.class)
class PlatformContractIT {

    private static final String PROBLEM = "application/problem+json";
    private static String acmeAdmin;
    private static String voltAdmin;
    private static String acmeDriver;
    private static String platformAdmin;

    @BeforeAll
    static void tokens() {
        KeycloakTokens tokens = KeycloakTokens.of(SharedServices.keycloak());
        acmeAdmin = tokens.userToken("acme-admin");
        voltAdmin = tokens.userToken("volt-admin");
        acmeDriver = tokens.userToken("acme-driver");
        platformAdmin = tokens.userToken("platform-admin");
    }

    @Test
    void tenantComesFromTheTokenClaim() {
        given().auth().oauth2(acmeAdmin).get("/contract/scope")
                .then().statusCode(200).body("tenant", equalTo("acme"));
        given().auth().oauth2(platformAdmin).get("/contract/scope")
                .then().statusCode(200).body("tenant", equalTo("*"));
        given().auth().oauth2(platformAdmin).header("X-Chargeplane-Tenant", "volt").get("/contract/scope")
                .then().statusCode(200).body("tenant", equalTo("volt"));
    }

    @Test
    void tenantUserCannotActForAnotherTenant() {
        given().auth().oauth2(acmeAdmin).header("X-Chargeplane-Tenant", "volt").get("/contract/scope")
                .then().statusCode(403).contentType(PROBLEM).body("code", equalTo("tenant_forbidden"));
        given().auth().oauth2(voltAdmin).get("/contract/tenants/acme/things/1")
                .then().statusCode(404).contentType(PROBLEM).body("code", equalTo("not_found"));
        given().auth().oauth2(acmeAdmin).get("/contract/tenants/acme/things/1")
                .then().statusCode(200).body("tenant", equalTo("acme"));
    }

    @Test
    void driverCannotUseOperatorEndpoints() {
        given().auth().oauth2(acmeDriver).get("/contract/tenants/acme/things/1")
                .then().statusCode(403).contentType(PROBLEM).body("code", equalTo("forbidden"));
    }

    @Test
    void missingOrForgedTokenIsAProblem401() {
        given().get("/contract/scope")
                .then().statusCode(401).contentType(PROBLEM).body("code", equalTo("unauthenticated"));
        String forged = acmeAdmin.substring(0, acmeAdmin.lastIndexOf('.') + 1) + "AAAA";
        given().auth().oauth2(forged).get("/contract/scope")
                .then().statusCode(401).contentType(PROBLEM).body("code", equalTo("unauthenticated"));
    }

    @Test
    void unexpectedErrorsNeverLeakInternals() {
        given().auth().oauth2(acmeAdmin).get("/contract/boom")
                .then().statusCode(500).contentType(PROBLEM)
                .body("code", equalTo("internal_error"))
                .body("detail", not(containsString("secret")))
                .body("trace", nullValue());
    }

    @Test
    void unknownPathIsAProblem404() {
        given().auth().oauth2(acmeAdmin).get("/contract/nothing-here")
                .then().statusCode(404).contentType(PROBLEM).body("code", equalTo("not_found"));
    }

    @Test
    void repeatedRequestGetsTheFirstAnswerWithoutRunningAgain() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"pile-1\",\"owner\":\"acme\"}";
        int first = given().auth().oauth2(acmeAdmin).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/contract/things")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("number");
        int executionsAfterFirst = ContractResource.EXECUTIONS.get();

        given().auth().oauth2(acmeAdmin).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/contract/things")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", containsString("/contract/things/" + first))
                .body("number", equalTo(first));
        assertEquals(executionsAfterFirst, ContractResource.EXECUTIONS.get());
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(acmeAdmin).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"name\":\"a\",\"owner\":\"acme\"}").post("/contract/things").then().statusCode(201);
        given().auth().oauth2(acmeAdmin).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"name\":\"b\",\"owner\":\"acme\"}").post("/contract/things")
                .then().statusCode(422).contentType(PROBLEM).body("code", equalTo("idempotency_key_reused"));
    }

    @Test
    void keysOfDifferentTenantsNeverCollide() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"same\",\"owner\":\"acme\"}";
        given().auth().oauth2(acmeAdmin).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/contract/things").then().statusCode(201).body("tenant", equalTo("acme"));
        given().auth().oauth2(voltAdmin).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/contract/things")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).body("tenant", equalTo("volt"));
    }

    @Test
    void mutationWithoutKeyIsRefused() {
        given().auth().oauth2(acmeAdmin).contentType(ContentType.JSON)
                .body("{\"name\":\"a\",\"owner\":\"acme\"}").post("/contract/things")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("idempotency_key_missing"));
    }

    @Test
    void invalidFieldIsNamedInTheProblem() {
        given().auth().oauth2(acmeAdmin).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"name\":\"a\",\"owner\":\"bad/tenant\"}").post("/contract/things")
                .then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("validation_failed")).body("errors[0].field", containsString("owner"));
        given().auth().oauth2(acmeAdmin).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{not json").post("/contract/things")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("malformed_request"));
    }

    @Test
    void valueOfTheWrongTypeIsNamedInTheProblem() {
        given().auth().oauth2(acmeAdmin).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"name\":[\"a\"],\"owner\":\"acme\"}").post("/contract/things")
                .then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("name"));
    }

    @Test
    void platformAdminMustNameATenantToCreate() {
        given().auth().oauth2(platformAdmin).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"name\":\"a\",\"owner\":\"acme\"}").post("/contract/things")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("validation_failed"));
    }
}
