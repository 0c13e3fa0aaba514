package io.chargeplane.charging.it;

import io.chargeplane.testkit.keycloak.KeycloakTokens;
import io.chargeplane.testkit.server.SharedServices;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service survives a restart: events a charger reported while charging-service was down (here: killed without
 * a graceful stop) are applied when it is back, from the committed Kafka offset, and every session change still
 * reaches the sessions topic exactly once per sequence number.
 */
class RestartIT {

    private static RequestSpecification as(int port, String user) {
        String token = KeycloakTokens.of(SharedServices.keycloak()).userToken(user);
        return given().baseUri("http://127.0.0.1").port(port).auth().oauth2(token).contentType("application/json");
    }

    private static JsonPath sessionOn(int port, String device, String state) {
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> as(port, "acme-admin").queryParam("device", device)
                .get("/api/v1/sessions").then().statusCode(200).body("items[0].state", equalTo(state)));
        return as(port, "acme-admin").queryParam("device", device).get("/api/v1/sessions").then().extract().jsonPath()
                .setRootPath("items[0]");
    }

    @Test
    void eventsReportedWhileTheServiceWasDownAreAppliedAfterItsRestart() throws Exception {
        String database = "charging_restart_" + UUID.randomUUID().toString().substring(0, 8);
        Path log = Path.of("target", "restart-it-" + database + ".log");
        int port = ServiceProcess.freePort();
        String card = "CARD-" + UUID.randomUUID().toString().substring(0, 8);
        Charger charger = new Charger("acme", "CP-" + UUID.randomUUID().toString().substring(0, 8), "TX-1");
        Instant t0 = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        String sessionId;
        ServiceProcess first = ServiceProcess.start(database, port, log);
        try {
            as(port, "acme-admin").header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("uid", card, "type", "RFID", "owner", "driver-5")).post("/api/v1/tokens")
                    .then().statusCode(201);
            Kafka.send(charger.started(card, 1000, t0));
            sessionId = sessionOn(port, charger.device(), "ACTIVE").getString("id");
        } finally {
            first.kill();
        }

        Kafka.send(charger.sample(1400, t0.plusSeconds(60)));
        Kafka.send(charger.sample(1900, t0.plusSeconds(120)));
        Kafka.send(charger.ended(1000, 2300, t0, t0.plusSeconds(180)));

        try (ServiceProcess second = ServiceProcess.start(database, port, log)) {
            JsonPath session = sessionOn(second.port(), charger.device(), "COMPLETED");
            assertEquals(sessionId, session.getString("id"));
            assertEquals(List.of(1_000_000, 1_400_000, 1_900_000, 2_300_000), session.getList("readings.registerMwh"));
            assertEquals(1_300_000L, session.getLong("energyMwh"));
            assertEquals("CHARGER", session.getString("endCause"));
        }

        List<Kafka.Published> changes = Kafka.sessionChanges(sessionId, 5, Duration.ofSeconds(30));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), changes.stream().map(p -> p.change().sequence()).toList(),
                "every change published once, in order, across the crash");
    }
}
