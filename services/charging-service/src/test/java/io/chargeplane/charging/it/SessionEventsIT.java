package io.chargeplane.charging.it;

import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.MeterSample;
import io.chargeplane.model.session.SessionState;
import io.chargeplane.model.session.SessionTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.chargeplane.charging.it.Api.as;
import static io.chargeplane.charging.it.Api.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions driven by canonical device events from Kafka (produced as the event pump produces them) and every change
 * read back from the sessions topic, as billing would read it.
 */
@QuarkusTest
@TestProfile(ChargingServiceProfile.class)
class SessionEventsIT {

    private static final Instant T0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    private static JsonPath sessionOn(String device, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("acme-admin").queryParam("device", device)
                .get("/api/v1/sessions").then().statusCode(200).body("items[0].state", equalTo(state)));
        return as("acme-admin").queryParam("device", device).get("/api/v1/sessions").then().extract().jsonPath()
                .setRootPath("items[0]");
    }

    @Test
    void cardSessionAtTheChargerIsTrackedToCompletionAndEveryChangePublishedOnceInOrder() throws Exception {
        String card = unique("CARD");
        String driver = Api.subject("acme-driver");
        Api.createToken("acme-admin", card, driver, null, false);
        Charger charger = new Charger("acme", unique("CP"), unique("TX"));
        Kafka.send(charger.started(card, 1000, T0));
        Kafka.send(charger.sample(1500, T0.plusSeconds(60)));
        Kafka.send(charger.sample(2000, T0.plusSeconds(120)));
        Kafka.send(charger.ended(1000, 2500, T0, T0.plusSeconds(180)));

        JsonPath session = sessionOn(charger.device(), "COMPLETED");
        String id = session.getString("id");
        assertEquals("LOCAL", session.getString("origin"));
        assertEquals(driver, session.getString("driver"));
        assertEquals("CHARGER", session.getString("endCause"));
        assertEquals(1_500_000L, session.getLong("energyMwh"));
        assertEquals(List.of(1_000_000, 1_500_000, 2_000_000, 2_500_000), session.getList("readings.registerMwh"));
        as("acme-driver").get("/api/v1/sessions/" + id).then().statusCode(200).body("state", equalTo("COMPLETED"));

        List<Kafka.Published> changes = Kafka.sessionChanges(id, 5, Duration.ofSeconds(30));
        assertEquals(5, changes.size(), "STARTING, ACTIVE, two readings, COMPLETED: each exactly once");
        for (int i = 0; i < changes.size(); i++) {
            Kafka.Published p = changes.get(i);
            assertEquals(i + 1, p.change().sequence());
            assertEquals(id + ":" + (i + 1), p.ceId());
            assertEquals("acme:" + id, p.key());
            assertEquals(SessionTopics.SOURCE, p.ceSource());
            assertEquals(SessionTopics.typeOf(p.change().state()), p.ceType());
        }
        assertEquals(SessionState.COMPLETED, changes.getLast().change().state());
        assertEquals(changes.getLast().change().meterStart(), changes.getLast().change().readings().getFirst().register());

        // The API lists the same changes as they went to Kafka, each acknowledged, for the driver as for the operator.
        for (String user : new String[]{"acme-driver", "acme-admin"}) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonPath events = as(user).get("/api/v1/sessions/" + id + "/events").then().statusCode(200)
                        .extract().jsonPath();
                assertEquals(changes.stream().map(Kafka.Published::ceId).toList(), events.getList("eventId"));
                assertEquals(changes.stream().map(p -> p.change().state().name()).toList(), events.getList("state"));
                assertEquals(changes.stream().map(Kafka.Published::ceType).toList(), events.getList("type"));
                assertTrue(events.getList("publishedAt").stream().allMatch(java.util.Objects::nonNull), events.prettify());
            });
        }
    }

    @Test
    void duplicateAndReorderedEventsLeaveTheSessionIdentical() throws Exception {
        String card = unique("CARD");
        Api.createToken("acme-admin", card, "driver-42", null, false);
        Charger inOrder = new Charger("acme", unique("CP"), unique("TX"));
        Charger shuffled = new Charger("acme", unique("CP"), unique("TX"));

        Kafka.send(inOrder.started(card, 0, T0));
        for (int m = 1; m <= 5; m++) {
            Kafka.send(inOrder.sample(m * 100L, T0.plusSeconds(m * 60L)));
        }
        Kafka.send(inOrder.ended(0, 600, T0, T0.plusSeconds(360)));

        List<CanonicalEvent<MeterSample>> samples = new ArrayList<>();
        for (int m = 1; m <= 5; m++) {
            samples.add(shuffled.sample(m * 100L, T0.plusSeconds(m * 60L)));
        }
        var started = shuffled.started(card, 0, T0);
        Kafka.send(started);
        Kafka.send(started);
        for (int i : new int[]{4, 1, 3, 1, 0, 2, 4}) {
            Kafka.send(samples.get(i));
        }
        var ended = shuffled.ended(0, 600, T0, T0.plusSeconds(360));
        Kafka.send(ended);
        Kafka.send(ended);
        Kafka.send(started);

        JsonPath a = sessionOn(inOrder.device(), "COMPLETED");
        JsonPath b = sessionOn(shuffled.device(), "COMPLETED");
        for (String field : List.of("state", "origin", "driver", "startedAt", "endedAt", "meterStartMwh", "meterStopMwh",
                "energyMwh", "endCause", "readings", "sequence")) {
            assertEquals((Object) a.get(field), b.get(field), field);
        }
        Thread.sleep(1000);
        assertEquals(a.getLong("sequence"), (long) sessionOn(shuffled.device(), "COMPLETED").getLong("sequence"),
                "a late duplicate changes nothing");
    }

    @Test
    void driverSeesOwnSessionsOnlyAndOperatorFiltersByState() throws Exception {
        String card = unique("CARD");
        Api.createToken("acme-admin", card, Api.subject("acme-driver"), null, false);
        Charger charger = new Charger("acme", unique("CP"), unique("TX"));
        Kafka.send(charger.started(card, 10, T0));
        String id = sessionOn(charger.device(), "ACTIVE").getString("id");

        as("acme-driver").queryParam("size", 100).get("/api/v1/sessions").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.state", equalTo("ACTIVE"));
        as("acme-admin").queryParams(Map.of("device", charger.device(), "state", "COMPLETED")).get("/api/v1/sessions")
                .then().statusCode(200).body("items.size()", equalTo(0));
        as("acme-admin").queryParams(Map.of("state", "nonsense")).get("/api/v1/sessions").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));

        // The driver stops it: STOPPING with cause DRIVER; the charger's end completes it with that cause.
        Api.change("acme-driver").post("/api/v1/sessions/" + id + "/stop").then().statusCode(200)
                .body("state", equalTo("STOPPING")).body("endCause", equalTo("DRIVER"));
        Kafka.send(charger.ended(10, 20, T0, T0.plusSeconds(60)));
        assertEquals("DRIVER", sessionOn(charger.device(), "COMPLETED").getString("endCause"));
        Api.change("acme-driver").post("/api/v1/sessions/" + id + "/stop").then().statusCode(409);
    }
}
