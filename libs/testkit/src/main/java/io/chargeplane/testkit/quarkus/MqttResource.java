package io.chargeplane.testkit.quarkus;

import io.chargeplane.testkit.server.MqttBroker;
import io.chargeplane.testkit.server.SharedServices;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the SmallRye MQTT connector and Chargeplane's own MQTT 5 clients ({@code chargeplane.mqtt.*}) at
 * the JVM's shared broker.
 */
public class MqttResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        MqttBroker broker = SharedServices.mqtt();
        String port = Integer.toString(broker.port());
        return Map.of(
                "mp.messaging.connector.smallrye-mqtt.host", broker.host(),
                "mp.messaging.connector.smallrye-mqtt.port", port,
                "chargeplane.mqtt.host", broker.host(),
                "chargeplane.mqtt.port", port);
    }

    /** The broker outlives the Quarkus application: {@link SharedServices} stops it when the JVM exits. */
    @Override
    public void stop() {
    }
}
