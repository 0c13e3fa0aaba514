package io.chargeplane.bridge.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.bridge.core.spi.DeviceLink;
import io.chargeplane.model.event.DisconnectReason;
import io.chargeplane.testkit.quarkus.MqttResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The packaged application on the real MQTT 5 broker: adapter selection, readiness and metrics. */
@QuarkusTest
@QuarkusTestResource(MqttResource.class)
@TestProfile(BridgeAppIT.Loopback.class)
class BridgeAppIT {

    /** Runs the loopback adapter on the kit's broker; the OCPP module's adapter is not selected here. */
    public static class Loopback implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "chargeplane.bridge.protocols", "loopback",
                    // Other modules' tests share this machine: never assume 8081 is free.
                    "quarkus.http.test-port", "0",
                    "chargeplane.bridge.mqtt.host", "${chargeplane.mqtt.host}",
                    "chargeplane.bridge.mqtt.port", "${chargeplane.mqtt.port}");
        }
    }

    @Inject
    LoopbackAdapter adapter;

    @Test
    void readinessIsUpOnceTheDeviceBusIsConnectedAndTheSelectedAdapterRuns() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'device-bus' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'device-bus' }.data.busConnected", equalTo(true)));
        assertTrue(adapter.isStarted());
    }

    @Test
    void prometheusEndpointReportsConnectionsPerProtocolAndEventsPublished() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200));
        DeviceLink link = adapter.connect(DeviceAddress.of("acme", "LOOP-metrics"));
        try {
            given().when().get("/q/metrics").then().statusCode(200)
                    .body(containsString("chargeplane_bridge_connections{protocol=\"vendor-mqtt\"} 1.0"))
                    .body(containsString("chargeplane_bridge_messages_total{direction=\"out\",kind=\"event\",outcome=\"ok\",protocol=\"vendor-mqtt\"}"));
        } finally {
            link.detach(DisconnectReason.CLOSED_BY_DEVICE).await().atMost(Duration.ofSeconds(10));
        }
        given().when().get("/q/metrics").then()
                .body(containsString("chargeplane_bridge_connections{protocol=\"vendor-mqtt\"} 0.0"));
    }
}
