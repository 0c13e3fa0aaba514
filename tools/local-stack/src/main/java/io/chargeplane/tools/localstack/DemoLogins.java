package io.chargeplane.tools.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargeplane.testkit.server.KeycloakServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The demo users of the imported realm, read from the realm file itself so the table never drifts from it. */
public final class DemoLogins {

    /** One person who can log in; {@code tenant} is empty for platform-wide users. */
    public record Login(String username, String password, String role, String tenant) {
    }

    private DemoLogins() {
    }

    public static List<Login> fromRealm() {
        try (InputStream in = KeycloakServer.class.getResourceAsStream(KeycloakServer.CHARGEPLANE_REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(KeycloakServer.CHARGEPLANE_REALM_RESOURCE + " is not on the class path");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo realm", e);
        }
    }

    static List<Login> parse(JsonNode realm) {
        List<Login> logins = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            String password = null;
            for (JsonNode credential : user.path("credentials")) {
                if ("password".equals(credential.path("type").asText())) {
                    password = credential.path("value").asText();
                }
            }
            // Service accounts have no password: they log in with client credentials.
            if (password == null || user.has("serviceAccountClientId")) {
                continue;
            }
            String role = user.path("realmRoles").path(0).asText("");
            String tenant = user.path("attributes").path("tenant").path(0).asText("");
            logins.add(new Login(user.path("username").asText(), password, role, tenant));
        }
        return logins;
    }
}
