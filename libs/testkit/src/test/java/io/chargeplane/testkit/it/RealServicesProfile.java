package io.chargeplane.testkit.it;

import io.chargeplane.testkit.quarkus.KafkaResource;
import io.chargeplane.testkit.quarkus.KeycloakResource;
import io.chargeplane.testkit.quarkus.MqttResource;
import io.chargeplane.testkit.quarkus.PostgresResource;
import io.chargeplane.testkit.quarkus.RedisResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The one resource set of this module's ITs: every class uses it, so Quarkus boots once. */
public class RealServicesProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresResource.class),
                new TestResourceEntry(KafkaResource.class),
                new TestResourceEntry(MqttResource.class),
                new TestResourceEntry(RedisResource.class),
                new TestResourceEntry(KeycloakResource.class));
    }
}
