package io.chargeplane.tools.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargeplane.testkit.keycloak.DemoRealm;
import io.chargeplane.testkit.keycloak.KeycloakTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** device-service's public API on a running stack, as a demo user of the realm calls it. */
final class StackApi {

    /** An answer: status code and parsed body (a missing node when the body is empty). */
    record Answer(int status, JsonNode body) {
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String deviceService;
    private final String token;

    StackApi(RunningStack stack, String user) {
        this.deviceService = stack.http("device-service");
        this.token = KeycloakTokens.forRealm(stack.realmUrl()).password(user, DemoRealm.password(user)).accessToken();
    }

    String token() {
        return token;
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(deviceService + path)).GET());
    }

    Answer post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(deviceService + path))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    Answer patch(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(deviceService + path))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(write(body))));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> tenant(String id) {
        return Map.of("id", id, "name", id.toUpperCase() + " Charging");
    }

    static Map<String, Object> site(String name) {
        return Map.of("name", name,
                "address", Map.of("street", "Hauptstr. 1", "postalCode", "10115", "city", "Berlin", "country", "DE"),
                "location", Map.of("latitude", 52.520008, "longitude", 13.404954),
                "timeZone", "Europe/Berlin");
    }

    /** An OCPP charger with one EVSE of one connector; {@code protocol} is the wire name (ocpp1.6, ocpp2.0.1). */
    static Map<String, Object> charger(String siteId, String identity, String protocol) {
        return Map.of("siteId", siteId, "name", "Pile " + identity, "kind", "CHARGER", "vendor", "Chargeplane",
                "model", "SIM-AC", "serialNumber", identity + "-sn", "protocol", protocol, "firmwareVersion", "1.0.0",
                "identity", identity,
                "evses", List.of(Map.of("evseNumber", 1, "connectors", List.of(
                        Map.of("connectorNumber", 1, "type", "TYPE_2", "powerType", "AC_3_PHASE", "maxPowerW", 22000)))));
    }
}
