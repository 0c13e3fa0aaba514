package io.chargeplane.bridge.core.it;

import io.chargeplane.bridge.core.bus.MqttBus;
import io.chargeplane.bridge.core.config.BridgeConfig;
import io.chargeplane.bridge.core.connection.ConnectionRegistry;
import io.chargeplane.bridge.core.metrics.BridgeMetrics;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.AdapterInstanceId;
import io.quarkus.runtime.configuration.DurationConverter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A real bridge core on the bus: config read through the same mapping the application uses (defaults
 * included), a real MQTT 5 client, a real meter registry. Only CDI is left out.
 */
final class TestBridge implements AutoCloseable {

    final AdapterInstanceId instance;
    final MqttBus bus;
    final ConnectionRegistry registry;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private TestBridge(BridgeConfig config) {
        this.instance = AdapterInstanceId.of(config.instanceId().orElseThrow());
        this.bus = new MqttBus(config.mqtt(), instance, CanonicalCodec.defaultCodec());
        this.registry = new ConnectionRegistry(bus, new BridgeMetrics(meters), config);
    }

    static BridgeConfig config(int port, Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>();
        properties.put("chargeplane.bridge.mqtt.host", "127.0.0.1");
        properties.put("chargeplane.bridge.mqtt.port", Integer.toString(port));
        properties.put("chargeplane.bridge.instance-id", "it-" + UUID.randomUUID().toString().substring(0, 8));
        properties.put("chargeplane.bridge.mqtt.reconnect-initial-delay", "100ms");
        properties.put("chargeplane.bridge.mqtt.reconnect-max-delay", "500ms");
        properties.putAll(overrides);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(BridgeConfig.class)
                // Quarkus's own duration syntax ("5s", "10m"), as the application reads it.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "it", 500))
                .build();
        return config.getConfigMapping(BridgeConfig.class);
    }

    static TestBridge start(int port, Map<String, String> overrides) {
        TestBridge bridge = new TestBridge(config(port, overrides));
        bridge.bus.connect().await().atMost(Duration.ofSeconds(20));
        return bridge;
    }

    static TestBridge start(int port) {
        return start(port, Map.of());
    }

    double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        registry.shutdown().await().atMost(Duration.ofSeconds(5));
        bus.close(Duration.ofSeconds(5));
    }
}
