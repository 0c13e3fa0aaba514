package io.chargeplane.bridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Device identities in Keycloak as device-service creates them (one confidential client {@code device-<station>}
 * with a service account, attributes {@code chargeplane.tenant}/{@code chargeplane.device}), made through the real
 * admin API with the master realm's bootstrap admin.
 */
final class DeviceClients {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String keycloakUrl;
    private final String adminUser;
    private final String adminPassword;
    private String token;
    private long tokenUntil;

    DeviceClients(String keycloakUrl, String adminUser, String adminPassword) {
        this.keycloakUrl = keycloakUrl.endsWith("/") ? keycloakUrl.substring(0, keycloakUrl.length() - 1) : keycloakUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** Creates the station's device client with this secret. */
    void create(String station, String tenant, String secret) {
        ObjectNode client = JSON.createObjectNode()
                .put("clientId", "device-" + station)
                .put("enabled", true)
                .put("protocol", "openid-connect")
                .put("publicClient", false)
                .put("clientAuthenticatorType", "client-secret")
                .put("secret", secret)
                .put("serviceAccountsEnabled", true)
                .put("standardFlowEnabled", false)
                .put("implicitFlowEnabled", false)
                .put("directAccessGrantsEnabled", false);
        client.putObject("attributes")
                .put("chargeplane.tenant", tenant)
                .put("chargeplane.device", station)
                .put("chargeplane.protocol", "ocpp");
        int status = send(HttpRequest.newBuilder(admin("/clients")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.toString()))).statusCode();
        if (status != 201) {
            throw new IllegalStateException("creating device-" + station + " answered " + status);
        }
    }

    void setEnabled(String station, boolean enabled) {
        ObjectNode client = (ObjectNode) find(station);
        client.put("enabled", enabled);
        int status = send(HttpRequest.newBuilder(admin("/clients/" + client.get("id").asText()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString()))).statusCode();
        if (status != 204) {
            throw new IllegalStateException("updating device-" + station + " answered " + status);
        }
    }

    /** Lets Keycloak generate a new secret for the station, and returns it. */
    String rotateSecret(String station) {
        String id = find(station).get("id").asText();
        HttpResponse<String> response = send(HttpRequest.newBuilder(admin("/clients/" + id + "/client-secret"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        try {
            return JSON.readTree(response.body()).get("value").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode find(String station) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(admin("/clients?search=false&clientId="
                + URLEncoder.encode("device-" + station, StandardCharsets.UTF_8))).GET());
        try {
            return JSON.readTree(response.body()).get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI admin(String path) {
        return URI.create(keycloakUrl + "/admin/realms/chargeplane" + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + token()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (token == null || System.currentTimeMillis() > tokenUntil) {
            String form = "grant_type=password&client_id=admin-cli&username="
                    + URLEncoder.encode(adminUser, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(keycloakUrl + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            token = body.get("access_token").asText();
            tokenUntil = System.currentTimeMillis() + body.get("expires_in").asLong() * 500;
        }
        return token;
    }
}
