package io.chargeplane.testkit.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargeplane.testkit.server.KeycloakServer;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The realm file and {@link DemoRealm} must not drift apart: other modules' tests rely on both. */
class ChargeplaneRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode realm;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = ChargeplaneRealmTest.class.getResourceAsStream(KeycloakServer.CHARGEPLANE_REALM_RESOURCE)) {
            realm = JSON.readTree(in);
        }
    }

    @Test
    void declaresThePlatformRoles() {
        Set<String> roles = names(realm.path("roles").path("realm"), "name");
        assertTrue(roles.containsAll(Set.of("platform-admin", "operator-admin", "operator-staff", "driver", "partner", "service")));
    }

    @Test
    void everyServiceClientIsConfidentialWithTheDocumentedSecretAndAServiceAccount() {
        for (String clientId : DemoRealm.SERVICE_CLIENTS) {
            JsonNode client = client(clientId);
            assertFalse(client.path("publicClient").asBoolean(), clientId);
            assertTrue(client.path("serviceAccountsEnabled").asBoolean(), clientId);
            assertEquals(DemoRealm.clientSecret(clientId), client.path("secret").asText(), clientId);
            JsonNode account = user("service-account-" + clientId);
            assertEquals(clientId, account.path("serviceAccountClientId").asText());
            assertTrue(names(account.path("realmRoles"), null).contains("service"), clientId);
        }
    }

    @Test
    void consoleIsPublicWithPkce() {
        JsonNode console = client(DemoRealm.CONSOLE_CLIENT);
        assertTrue(console.path("publicClient").asBoolean());
        assertTrue(console.path("standardFlowEnabled").asBoolean());
        assertEquals("S256", console.path("attributes").path("pkce.code.challenge.method").asText());
    }

    @Test
    void demoUsersHaveTheDocumentedPasswordsAndTenants() {
        for (String username : DemoRealm.USERS) {
            JsonNode user = user(username);
            assertEquals(DemoRealm.password(username), user.path("credentials").get(0).path("value").asText());
            String expectedTenant = username.contains("-") && !username.startsWith("platform") ? username.split("-")[0] : null;
            JsonNode tenant = user.path("attributes").path("tenant");
            assertEquals(expectedTenant, tenant.isMissingNode() ? null : tenant.get(0).asText(), username);
        }
    }

    @Test
    void userProfileDeclaresTenantAsAdminEditableOnly() throws Exception {
        String config = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider")
                .get(0).path("config").path("kc.user.profile.config").get(0).asText();
        JsonNode tenant = StreamSupport.stream(JSON.readTree(config).path("attributes").spliterator(), false)
                .filter(a -> a.path("name").asText().equals("tenant")).findFirst().orElseThrow();
        assertEquals(Set.of("admin"), names(tenant.path("permissions").path("edit"), null));
    }

    private static JsonNode client(String clientId) {
        return find(realm.path("clients"), "clientId", clientId);
    }

    private static JsonNode user(String username) {
        return find(realm.path("users"), "username", username);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(node -> node.path(field).asText().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError(value + " missing from the realm"));
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> names = new HashSet<>();
        array.forEach(node -> names.add(field == null ? node.asText() : node.path(field).asText()));
        return names;
    }
}
