package io.chargeplane.testkit.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargeplane.testkit.server.KeycloakServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Obtains real tokens from a test Keycloak realm: client credentials for services, password grant through
 * the console client for demo users.
 */
public final class KeycloakTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String realmUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakTokens(String realmUrl) {
        this.realmUrl = realmUrl.endsWith("/") ? realmUrl.substring(0, realmUrl.length() - 1) : realmUrl;
    }

    /** Tokens of the realm at {@code realmUrl}, e.g. the value of {@code quarkus.oidc.auth-server-url}. */
    public static KeycloakTokens forRealm(String realmUrl) {
        return new KeycloakTokens(realmUrl);
    }

    public static KeycloakTokens of(KeycloakServer server) {
        return forRealm(server.realmUrl(DemoRealm.REALM));
    }

    /** Tokens returned by the token endpoint; {@code idToken} only when {@code openid} scope was asked. */
    public record Tokens(String accessToken, String idToken, String refreshToken) {
    }

    /** Access token of a confidential client's service account. */
    public String clientCredentials(String clientId, String secret) {
        return request(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .accessToken();
    }

    /** Access token of a service client of the demo realm, with its demo secret. */
    public String serviceToken(String clientId) {
        return clientCredentials(clientId, DemoRealm.clientSecret(clientId));
    }

    /** Access, ID and refresh token of a user, through the console client. */
    public Tokens password(String username, String password) {
        return request(Map.of("grant_type", "password", "client_id", DemoRealm.CONSOLE_CLIENT,
                "username", username, "password", password, "scope", "openid"));
    }

    /** Access token of a demo user, with its demo password. */
    public String userToken(String username) {
        return password(username, DemoRealm.password(username)).accessToken();
    }

    private Tokens request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Token request (" + form.get("grant_type") + ") refused with "
                        + response.statusCode() + ": " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            return new Tokens(json.path("access_token").asText(null), json.path("id_token").asText(null),
                    json.path("refresh_token").asText(null));
        } catch (IOException e) {
            throw new IllegalStateException("Token endpoint of " + realmUrl + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while requesting a token", e);
        }
    }

    /**
     * The claims of a JWT, decoded without verifying the signature: for assertions on tokens this class
     * just obtained, never for trusting a token.
     */
    public static Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a JWT");
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), LinkedHashMap.class);
            return claims;
        } catch (IOException e) {
            throw new IllegalArgumentException("JWT payload is not JSON", e);
        }
    }
}
