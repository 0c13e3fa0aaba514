package io.chargeplane.charging.it;

import io.chargeplane.testkit.quarkus.KafkaResource;
import io.chargeplane.testkit.quarkus.KeycloakResource;
import io.chargeplane.testkit.quarkus.MqttResource;
import io.chargeplane.testkit.quarkus.PostgresResource;
import io.chargeplane.testkit.quarkus.RedisResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The one resource set of this module's ITs, so Quarkus boots once: real PostgreSQL, Redis, Keycloak, Kafka and
 * the MQTT 5 broker. device-service and billing-service are not running in these tests: their URLs point at a
 * closed port, which is exactly a remote outage for the flows that would call them.
 */
public class ChargingServiceProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresResource.class, Map.of("database", "charging")),
                new TestResourceEntry(RedisResource.class),
                new TestResourceEntry(KeycloakResource.class),
                new TestResourceEntry(KafkaResource.class),
                new TestResourceEntry(MqttResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "chargeplane.charging.device-service.url", "http://127.0.0.1:9",
                "chargeplane.charging.billing-service.url", "http://127.0.0.1:9",
                "chargeplane.charging.timeouts.starting", "4s");
    }
}
