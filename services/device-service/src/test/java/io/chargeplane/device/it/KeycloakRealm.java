package io.chargeplane.device.it;

import io.chargeplane.testkit.server.KeycloakServer;
import io.chargeplane.testkit.keycloak.KeycloakTokens;
import io.chargeplane.testkit.server.SharedServices;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;

/**
 * The test's own view of the realm, independent of device-service's admin client: clients as the master realm's
 * admin sees them, and token requests as a device makes them.
 */
final class KeycloakRealm {

    private KeycloakRealm() {
    }

    /** The realm's client with this clientId, as the admin API shows it. */
    static Optional<Map<String, Object>> client(String clientId) {
        KeycloakServer keycloak = SharedServices.keycloak();
        List<Map<String, Object>> found = given().auth().oauth2(adminToken())
                .queryParam("clientId", clientId)
                .get(keycloak.url() + "/admin/realms/chargeplane/clients")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return found.stream().filter(c -> clientId.equals(c.get("clientId"))).findFirst();
    }

    /** Changes a client behind device-service's back. */
    static void setEnabled(String clientId, boolean enabled) {
        Map<String, Object> client = new java.util.HashMap<>(client(clientId).orElseThrow());
        client.put("enabled", enabled);
        client.remove("protocolMappers");
        given().auth().oauth2(adminToken()).contentType("application/json").body(client)
                .put(SharedServices.keycloak().url() + "/admin/realms/chargeplane/clients/" + client.get("id"))
                .then().statusCode(204);
    }

    /** Deletes a client behind device-service's back. */
    static void delete(String clientId) {
        Object id = client(clientId).orElseThrow().get("id");
        given().auth().oauth2(adminToken())
                .delete(SharedServices.keycloak().url() + "/admin/realms/chargeplane/clients/" + id)
                .then().statusCode(204);
    }

    /** Creates a client behind device-service's back. */
    static void create(Map<String, Object> client) {
        given().auth().oauth2(adminToken()).contentType("application/json").body(client)
                .post(SharedServices.keycloak().url() + "/admin/realms/chargeplane/clients")
                .then().statusCode(201);
    }

    /** A client-credentials token request as a device (or the bridge on its behalf) makes it. */
    static Response tokenRequest(String clientId, String secret) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(SharedServices.keycloak().tokenUrl("chargeplane"));
    }

    /** The claims of the access token the credentials get; fails unless the request is granted. */
    static Map<String, Object> claims(String clientId, String secret) {
        Response response = tokenRequest(clientId, secret);
        if (response.statusCode() != 200) {
            throw new AssertionError("token refused for " + clientId + ": " + response.statusCode() + " "
                    + response.asString());
        }
        return KeycloakTokens.claims(JsonPath.from(response.asString()).getString("access_token"));
    }

    private static String adminToken() {
        KeycloakServer keycloak = SharedServices.keycloak();
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", keycloak.adminUsername())
                .formParam("password", keycloak.adminPassword())
                .post(keycloak.tokenUrl("master"))
                .then().statusCode(200).extract().path("access_token");
    }
}
