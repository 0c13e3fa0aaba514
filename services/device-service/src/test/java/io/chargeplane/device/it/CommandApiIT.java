package io.chargeplane.device.it;

import io.chargeplane.model.command.CommandStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.chargeplane.device.it.Api.PROBLEM;
import static io.chargeplane.device.it.Api.as;
import static io.chargeplane.device.it.Api.change;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The capability API against a device answering on the real MQTT 5 bus. */
@QuarkusTest
@TestProfile(DeviceServiceProfile.class)
class CommandApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Map<String, Object> START = Map.of("evse", 1, "connector", 1,
            "idToken", Map.of("value", "04A2B3C4", "type", "RFID"));
    private static String site;

    @BeforeEach
    void setUp() {
        if (site == null) {
            Api.ensureTenants();
            site = Api.createSite("acme-admin", Api.unique("cmd"));
            await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        }
    }

    /** A registered device that the status view knows as online. */
    static String[] onlineDevice(String user, Map<String, Object> body, String identity) {
        return onlineDevice(user, body, identity, Api.createDevice(user, body));
    }

    static String[] onlineDevice(String user, Map<String, Object> body, String identity, String id) {
        DeviceEvents.send(DeviceEvents.connected(user.startsWith("volt") ? "volt" : "acme", identity, "bridge-1",
                Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> as(user).get("/api/v1/devices/" + id + "/status").then()
                .body("online", equalTo(true)));
        return new String[] {id, identity};
    }

    private static String[] onlineCharger() {
        String identity = Api.unique("CP");
        return onlineDevice("acme-admin", Api.charger(site, identity), identity);
    }

    private static String commands(String id, String capability) {
        return "/api/v1/devices/" + id + "/commands/" + capability;
    }

    @Test
    void acceptedCommandAnswers200WithTheDevicesResult() throws Exception {
        String[] device = onlineCharger();
        try (BusDevice bus = new BusDevice("acme", device[1], CommandStatus.ACCEPTED)) {
            String commandId = change("acme-admin").body(START).post(commands(device[0], "start_charging")).then()
                    .statusCode(200)
                    .body("status", equalTo("ACCEPTED")).body("capability", equalTo("start_charging"))
                    .body("detail.device", equalTo("answered at once")).body("requestedBy", equalTo("acme-admin"))
                    .extract().path("id");
            assertEquals(1, bus.received().size());
            BusDevice.Received sent = bus.received().getFirst();
            assertEquals(commandId, sent.request().correlationId().value());
            assertEquals("start_charging", sent.request().capability().wireName());
            as("acme-staff").get("/api/v1/commands/" + commandId).then().statusCode(200)
                    .body("status", equalTo("ACCEPTED")).body("completedAt", notNullValue());
            as("acme-admin").queryParam("deviceId", device[0]).get("/api/v1/audit").then().statusCode(200)
                    .body("items.action", hasItems("command_sent", "command_result"))
                    .body("items.outcome", hasItems("SENT", "ACCEPTED"))
                    .body("items[0].payloadDigest.length()", equalTo(64))
                    .body("items[0].actor", equalTo("acme-admin"));
        }
    }

    @Test
    void unansweredCommandAnswers202AndThePollShowsTheLateResult() throws Exception {
        String[] device = onlineCharger();
        try (BusDevice bus = new BusDevice("acme", device[1], null)) {
            Response accepted = change("acme-admin").body(Map.of("kind", "SOFT")).post(commands(device[0], "reset"));
            accepted.then().statusCode(202).header("Location", endsWith("/api/v1/commands/" + accepted.path("id")))
                    .body("status", equalTo("PENDING"));
            String location = "/api/v1/commands/" + accepted.path("id");
            as("acme-admin").get(location).then().statusCode(200).body("status", equalTo("PENDING"));

            bus.reply(bus.received().getFirst(), CommandStatus.REJECTED, Map.of("reason", "busy"));
            await().atMost(PATIENCE).untilAsserted(() -> as("acme-admin").get(location).then().statusCode(200)
                    .body("status", equalTo("REJECTED")).body("reasonCode", equalTo("device.refused"))
                    .body("detail.reason", equalTo("busy")));
        }
    }

    @Test
    void offlineDeviceIsRefusedAtOnceWithDeviceOffline() {
        String identity = Api.unique("CP");
        String id = Api.createDevice("acme-admin", Api.charger(site, identity));
        change("acme-admin").body(START).post(commands(id, "start_charging")).then().statusCode(409)
                .contentType(PROBLEM).body("code", equalTo("device_offline"));
        as("acme-admin").queryParam("deviceId", id).get("/api/v1/audit").then()
                .body("items[0].action", equalTo("command_refused")).body("items[0].outcome", equalTo("DEVICE_OFFLINE"));
    }

    @Test
    void onlineDeviceWithoutAnAdapterOnTheBusIsOffline() {
        String[] device = onlineCharger(); // the view says online, but nothing subscribes to its command topic
        change("acme-admin").body(START).post(commands(device[0], "start_charging")).then().statusCode(409)
                .body("code", equalTo("device_offline"));
    }

    @Test
    void capabilityTheDeviceKindLacksIs422() {
        String[] device = onlineCharger();
        change("acme-admin").body(Map.of()).post(commands(device[0], "open_barrier")).then().statusCode(422)
                .contentType(PROBLEM).body("code", equalTo("capability_not_supported"));
        change("acme-admin").body(Map.of()).post(commands(device[0], "teleport")).then().statusCode(422)
                .body("code", equalTo("capability_not_supported"));
        as("acme-admin").queryParam("deviceId", device[0]).get("/api/v1/audit").then()
                .body("items[0].outcome", equalTo("NOT_SUPPORTED")).body("items[0].capability", equalTo("open_barrier"));
    }

    @Test
    void invalidCommandPayloadNamesTheField() {
        String[] device = onlineCharger();
        change("acme-admin").body(Map.of("evse", 0, "idToken", Map.of("value", "X", "type", "RFID")))
                .post(commands(device[0], "start_charging")).then().statusCode(400)
                .contentType(PROBLEM).body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("evse"));
    }

    @Test
    void barrierOpensThroughTheSameApi() throws Exception {
        String identity = Api.unique("GATE");
        String[] gate = onlineDevice("acme-admin", Api.gate(site, identity), identity);
        try (BusDevice bus = new BusDevice("acme", gate[1], CommandStatus.ACCEPTED)) {
            change("acme-admin").post(commands(gate[0], "open_barrier")).then().statusCode(200)
                    .body("status", equalTo("ACCEPTED"));
            change("acme-admin").body(START).post(commands(gate[0], "start_charging")).then().statusCode(422)
                    .body("code", equalTo("capability_not_supported"));
            assertEquals(1, bus.received().size());
        }
    }

    @Test
    void repeatedRequestWithTheSameKeyIsReplayedWithoutPublishingAgain() throws Exception {
        String[] device = onlineCharger();
        try (BusDevice bus = new BusDevice("acme", device[1], CommandStatus.ACCEPTED)) {
            String key = UUID.randomUUID().toString();
            String first = as("acme-admin").header("Idempotency-Key", key).body(START)
                    .post(commands(device[0], "start_charging")).then().statusCode(200).extract().path("id");
            as("acme-admin").header("Idempotency-Key", key).body(START).post(commands(device[0], "start_charging"))
                    .then().statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(first));
            Thread.sleep(500); // a second publish would have reached the device by now
            assertEquals(1, bus.received().size());
            assertEquals(key, bus.received().getFirst().request().idempotencyKey().value());
        }
    }

    @Test
    void commandWithoutIdempotencyKeyIsRefused() {
        String[] device = onlineCharger();
        as("acme-admin").body(START).post(commands(device[0], "start_charging")).then().statusCode(400)
                .body("code", equalTo("idempotency_key_missing"));
    }
}
