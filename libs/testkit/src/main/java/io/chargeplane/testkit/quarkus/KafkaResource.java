package io.chargeplane.testkit.quarkus;

import io.chargeplane.testkit.server.SharedServices;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points Kafka clients and SmallRye Reactive Messaging's Kafka connector at the JVM's shared KRaft node. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedServices.kafka().bootstrapServers());
    }

    /** The broker outlives the Quarkus application: {@link SharedServices} stops it when the JVM exits. */
    @Override
    public void stop() {
    }
}
