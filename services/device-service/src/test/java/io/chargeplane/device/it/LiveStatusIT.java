package io.chargeplane.device.it;

import io.chargeplane.model.device.ConnectorStatus;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.ConnectorStatusChanged;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.topic.AdapterPresence;
import io.chargeplane.model.topic.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.chargeplane.device.it.Api.as;
import static io.chargeplane.device.it.DeviceEvents.connected;
import static io.chargeplane.device.it.DeviceEvents.connectorStatus;
import static io.chargeplane.device.it.DeviceEvents.disconnected;
import static io.chargeplane.device.it.DeviceEvents.meter;
import static io.chargeplane.device.it.DeviceEvents.send;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Device events produced to Kafka as the event pump does, and what the status API, history and stream show. */
@QuarkusTest
@TestProfile(DeviceServiceProfile.class)
class LiveStatusIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static String acmeSite;
    private static String voltSite;

    @BeforeEach
    void sites() {
        if (acmeSite == null) {
            Api.ensureTenants();
            acmeSite = Api.createSite("acme-admin", Api.unique("live"));
            voltSite = Api.createSite("volt-admin", Api.unique("live"));
        }
    }

    private static String[] charger(String tenant) {
        String identity = Api.unique("CP");
        String id = Api.createDevice(tenant + "-admin", Api.charger(tenant.equals("acme") ? acmeSite : voltSite, identity));
        return new String[] {id, identity};
    }

    private static String status(String id) {
        return "/api/v1/devices/" + id + "/status";
    }

    @Test
    void eventsFromKafkaBecomeTheDevicesLiveStatus() {
        String[] device = charger("acme");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(connected("acme", device[1], "bridge-1", t));
        send(connectorStatus("acme", device[1], 1, ConnectorStatus.CHARGING, t.plusMillis(10)));
        send(meter("acme", device[1], 1, 12_345_678L, 7_360, t.plusMillis(20)));

        await().atMost(PATIENCE).untilAsserted(() -> as("acme-staff").get(status(device[0])).then().statusCode(200)
                .body("online", equalTo(true))
                .body("adapter", equalTo("bridge-1"))
                .body("protocol", equalTo("ocpp1.6"))
                .body("connectors.find { it.evse == 1 }.status", equalTo("CHARGING"))
                .body("meters.find { it.evse == 1 }.powerW", equalTo(7360))
                .body("meters.find { it.evse == 1 }.energyRegisterMwh", equalTo(12_345_678))
                .body("lastSeen", equalTo(t.plusMillis(20).toString())));

        send(disconnected("acme", device[1], "bridge-1", t.plusSeconds(1)));
        await().atMost(PATIENCE).untilAsserted(() -> as("acme-admin").get(status(device[0])).then()
                .body("online", equalTo(false)));
    }

    @Test
    void registeredDeviceNeverSeenIsOfflineWithoutData() {
        String[] device = charger("acme");
        as("acme-admin").get(status(device[0])).then().statusCode(200)
                .body("online", equalTo(false)).body("lastSeen", nullValue()).body("connectors.size()", equalTo(0));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String[] device = charger("acme");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CanonicalEvent<ConnectorStatusChanged> faulted = connectorStatus("acme", device[1], 2, ConnectorStatus.FAULTED, t);
        send(faulted);
        send(faulted);
        send(connectorStatus("acme", device[1], 2, ConnectorStatus.AVAILABLE, t.plusSeconds(1)));
        send(faulted); // a re-delivery after newer state must not bring the old state back
        send(meter("acme", device[1], 2, 5_000, 0, t.plusSeconds(2)));

        await().atMost(PATIENCE).untilAsserted(() -> as("acme-admin").get(status(device[0])).then()
                .body("meters.find { it.evse == 2 }.energyRegisterMwh", equalTo(5000)));
        as("acme-admin").get(status(device[0])).then().body("connectors.find { it.evse == 2 }.status", equalTo("AVAILABLE"));
        as("acme-admin").get(status(device[0]) + "/history").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.status", contains("AVAILABLE", "FAULTED"))
                .body("items.eventId", hasItem(faulted.id().value()));
    }

    @Test
    void anOlderEventDoesNotOverwriteNewerState() {
        String[] device = charger("acme");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(connectorStatus("acme", device[1], 1, ConnectorStatus.CHARGING, t));
        send(connectorStatus("acme", device[1], 1, ConnectorStatus.PREPARING, t.minusSeconds(30)));
        send(meter("acme", device[1], 1, 9_000, 11_000, t));
        send(meter("acme", device[1], 1, 8_000, 3_000, t.minusSeconds(60)));
        send(connectorStatus("acme", device[1], 2, ConnectorStatus.AVAILABLE, t)); // marks the end of the batch

        await().atMost(PATIENCE).untilAsserted(() -> as("acme-admin").get(status(device[0])).then()
                .body("connectors.find { it.evse == 2 }.status", equalTo("AVAILABLE")));
        as("acme-admin").get(status(device[0])).then()
                .body("connectors.find { it.evse == 1 }.status", equalTo("CHARGING"))
                .body("connectors.find { it.evse == 1 }.since", equalTo(t.toString()))
                .body("meters.find { it.evse == 1 }.energyRegisterMwh", equalTo(9000))
                .body("meters.find { it.evse == 1 }.powerW", equalTo(11000));
    }

    @Test
    void historyRecordsStatusChangesNewestFirstInPages() {
        String[] device = charger("acme");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(connected("acme", device[1], "bridge-1", t));
        send(connectorStatus("acme", device[1], 1, ConnectorStatus.PREPARING, t.plusSeconds(1)));
        send(connectorStatus("acme", device[1], 1, ConnectorStatus.CHARGING, t.plusSeconds(2)));
        send(meter("acme", device[1], 1, 1_000, 500, t.plusSeconds(3))); // samples are not status changes

        await().atMost(PATIENCE).untilAsserted(() -> as("acme-admin").get(status(device[0]) + "/history?size=2").then()
                .statusCode(200).body("total", equalTo(3)).body("size", equalTo(2))
                .body("items.status", contains("CHARGING", "PREPARING")));
        as("acme-staff").get(status(device[0]) + "/history?size=2&page=1").then().statusCode(200)
                .body("items.kind", contains("PRESENCE")).body("items[0].online", equalTo(true))
                .body("items[0].adapter", equalTo("bridge-1"))
                .body("items[0].occurredAt", equalTo(t.toString()));
    }

    @Test
    void eventsOfUnregisteredDevicesAndUnreadableRecordsAreSkipped() throws Exception {
        String[] device = charger("acme");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(connectorStatus("acme", Api.unique("GHOST"), 1, ConnectorStatus.CHARGING, t));
        DeviceEvents.sendRaw("acme:" + device[1], "not a cloud event".getBytes());
        send(connectorStatus("acme", device[1], 1, ConnectorStatus.FINISHING, t));

        await().atMost(PATIENCE).untilAsserted(() -> as("acme-admin").get(status(device[0])).then()
                .body("connectors.find { it.evse == 1 }.status", equalTo("FINISHING")));
    }

    @Test
    void deathOfAnAdapterTakesItsDevicesOffline() throws Exception {
        String adapter = Api.unique("bridge");
        String[] first = charger("acme");
        String[] second = charger("volt");
        String[] elsewhere = charger("acme");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(5);
        send(connected("acme", first[1], adapter, t));
        send(connected("volt", second[1], adapter, t));
        send(connected("acme", elsewhere[1], "bridge-other", t));
        await().atMost(PATIENCE).untilAsserted(() -> {
            as("acme-admin").get(status(first[0])).then().body("online", equalTo(true));
            as("volt-admin").get(status(second[0])).then().body("online", equalTo(true));
            as("acme-admin").get(status(elsewhere[0])).then().body("online", equalTo(true));
        });

        // What the broker publishes for a bridge that vanished: its retained last will.
        AdapterPresence will = AdapterPresence.lastWill(AdapterInstanceId.of(adapter), null);
        String topic = Topics.adapterPresence(AdapterInstanceId.of(adapter));
        BusDevice.publishRetained(topic, CanonicalCodec.defaultCodec().writeJson(will));
        try {
            await().atMost(PATIENCE).untilAsserted(() -> {
                as("acme-admin").get(status(first[0])).then().body("online", equalTo(false));
                as("volt-admin").get(status(second[0])).then().body("online", equalTo(false));
            });
            as("acme-admin").get(status(elsewhere[0])).then().body("online", equalTo(true));
            as("acme-admin").get(status(first[0]) + "/history").then()
                    .body("items[0].online", equalTo(false)).body("items[0].reason", equalTo("adapter_offline"));

            // A connected event through the dead adapter that is older than its death stays history.
            send(connected("acme", first[1], adapter, t.plusSeconds(1)));
            send(connectorStatus("acme", first[1], 2, ConnectorStatus.AVAILABLE, t.plusSeconds(1)));
            await().atMost(PATIENCE).untilAsserted(() -> as("acme-admin").get(status(first[0])).then()
                    .body("connectors.find { it.evse == 2 }.status", equalTo("AVAILABLE")));
            as("acme-admin").get(status(first[0])).then().body("online", equalTo(false));
        } finally {
            BusDevice.publishRetained(topic, new byte[0]);
        }
    }

    @Test
    void statusStreamShowsOnlyTheCallersTenant() throws Exception {
        String[] acme = charger("acme");
        String[] volt = charger("volt");
        try (StatusStream acmeStream = StatusStream.open("acme-staff");
             StatusStream voltStream = StatusStream.open("volt-admin")) {
            Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            send(connectorStatus("volt", volt[1], 1, ConnectorStatus.CHARGING, t));
            send(connectorStatus("acme", acme[1], 1, ConnectorStatus.CHARGING, t));

            await().atMost(PATIENCE).until(() -> voltStream.statusEvents().stream().anyMatch(e -> e.contains(volt[1]))
                    && acmeStream.statusEvents().stream().anyMatch(e -> e.contains(acme[1])));
            assertTrue(acmeStream.statusEvents().stream().noneMatch(e -> e.contains("\"volt\"") || e.contains(volt[1])),
                    () -> "acme saw " + acmeStream.statusEvents());
            assertTrue(voltStream.statusEvents().stream().noneMatch(e -> e.contains("\"acme\"") || e.contains(acme[1])),
                    () -> "volt saw " + voltStream.statusEvents());
            String seen = acmeStream.statusEvents().stream().filter(e -> e.contains(acme[1])).findFirst().orElseThrow();
            Map<?, ?> change = new com.fasterxml.jackson.databind.ObjectMapper().readValue(seen, Map.class);
            assertEquals(List.of("acme", acme[0], "CONNECTOR", "CHARGING", 1),
                    List.of(change.get("tenant"), change.get("deviceId"), change.get("kind"), change.get("status"),
                            change.get("evse")));
        }
    }
}
