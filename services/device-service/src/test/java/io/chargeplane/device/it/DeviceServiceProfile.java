package io.chargeplane.device.it;

import io.chargeplane.testkit.quarkus.KafkaResource;
import io.chargeplane.testkit.quarkus.KeycloakResource;
import io.chargeplane.testkit.quarkus.MqttResource;
import io.chargeplane.testkit.quarkus.PostgresResource;
import io.chargeplane.testkit.quarkus.RedisResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The one resource set of this module's ITs, so Quarkus boots once: real PostgreSQL, Redis, Keycloak, Kafka (device
 * events) and the MQTT 5 broker (commands, results, adapter presence).
 */
public class DeviceServiceProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresResource.class, Map.of("database", "device")),
                new TestResourceEntry(RedisResource.class),
                new TestResourceEntry(KeycloakResource.class),
                new TestResourceEntry(KafkaResource.class),
                new TestResourceEntry(MqttResource.class));
    }
}
