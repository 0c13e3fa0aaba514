package io.chargeplane.testkit.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.testkit.keycloak.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RealServicesProfile.class)
class KeycloakIT {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    private KeycloakTokens tokens() {
        return KeycloakTokens.forRealm(realmUrl);
    }

    @Test
    void acceptsServiceAccountTokenFromClientCredentials() {
        String token = tokens().serviceToken("device-service");
        given().auth().oauth2(token)
                .when().get("/secured/service")
                .then().statusCode(200).body(equalTo("device-service"));
    }

    @Test
    void refusesTokenWhosePayloadWasForged() {
        String[] parts = tokens().serviceToken("billing-service").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"azp\":\"billing-service\"", "\"azp\":\"device-service\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).when().get("/secured/service").then().statusCode(401);
    }

    @Test
    void refusesGarbageAndMissingTokens() {
        given().auth().oauth2("not-a-jwt").when().get("/secured/service").then().statusCode(401);
        given().when().get("/secured/tenant").then().statusCode(401);
    }

    @Test
    void demoUserTokensCarryTheTenantClaim() {
        KeycloakTokens.Tokens acme = tokens().password("acme-admin", "acme-admin-demo");
        Map<String, Object> access = KeycloakTokens.claims(acme.accessToken());
        assertEquals("acme", access.get("tenant"));
        assertEquals("acme", KeycloakTokens.claims(acme.idToken()).get("tenant"));
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) ((Map<String, Object>) access.get("realm_access")).get("roles");
        assertTrue(roles.contains("operator-admin"));

        given().auth().oauth2(tokens().userToken("volt-driver"))
                .when().get("/secured/tenant")
                .then().statusCode(200).body(equalTo("volt"));
    }

    @Test
    void platformAdminHasNoTenantAndUsersCannotActAsServices() {
        String admin = tokens().userToken("platform-admin");
        assertFalse(KeycloakTokens.claims(admin).containsKey("tenant"));
        given().auth().oauth2(admin).when().get("/secured/tenant").then().statusCode(200).body(equalTo(""));
        given().auth().oauth2(admin).when().get("/secured/service").then().statusCode(403);
    }
}
