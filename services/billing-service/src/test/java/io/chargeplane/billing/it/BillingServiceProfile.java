package io.chargeplane.billing.it;

import io.chargeplane.testkit.quarkus.KafkaResource;
import io.chargeplane.testkit.quarkus.KeycloakResource;
import io.chargeplane.testkit.quarkus.PostgresResource;
import io.chargeplane.testkit.quarkus.RedisResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** The one resource set of this module's ITs, so Quarkus boots once: real PostgreSQL, Kafka, Redis and Keycloak. */
public class BillingServiceProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresResource.class, Map.of("database", "billing")),
                new TestResourceEntry(RedisResource.class),
                new TestResourceEntry(KafkaResource.class),
                new TestResourceEntry(KeycloakResource.class));
    }
}
