package io.chargeplane.bridge.pump.it;

import io.chargeplane.bridge.core.config.BridgeConfig;
import io.chargeplane.bridge.pump.EventPump;
import io.chargeplane.bridge.pump.config.PumpConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One test's world: its own Kafka topics and shared-subscription group on the JVM's broker, and pumps built
 * through the same configuration mapping the application uses.
 */
final class PumpHarness implements AutoCloseable {

    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String group = "it-" + id;
    final String eventTopic = "it-events-" + id;
    final String deadLetterTopic = "it-dlq-" + id;
    final String bootstrapServers;
    final int mqttPort;
    private final List<EventPump> pumps = new ArrayList<>();

    PumpHarness(String bootstrapServers, int mqttPort, int partitions) {
        this.bootstrapServers = bootstrapServers;
        this.mqttPort = mqttPort;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(eventTopic, partitions, (short) 1),
                    new NewTopic(deadLetterTopic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the test topics", e);
        }
    }

    /** A pump of this test's group; {@code overrides} are {@code chargeplane.bridge.pump.*} keys. */
    EventPump pump(String clientId, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("chargeplane.bridge.mqtt.host", "127.0.0.1");
        values.put("chargeplane.bridge.mqtt.port", Integer.toString(mqttPort));
        values.put("chargeplane.bridge.mqtt.reconnect-initial-delay", "100ms");
        values.put("chargeplane.bridge.mqtt.reconnect-max-delay", "1s");
        values.put("chargeplane.bridge.pump.client-id", clientId);
        values.put("chargeplane.bridge.pump.group", group);
        // Sessions of this JVM's finished tests should not keep queueing later tests' events for long.
        values.put("chargeplane.bridge.pump.session-expiry", "120s");
        values.put("chargeplane.bridge.pump.retry-backoff", "200ms");
        values.put("chargeplane.bridge.pump.kafka.bootstrap-servers", bootstrapServers);
        values.put("chargeplane.bridge.pump.kafka.topic", eventTopic);
        values.put("chargeplane.bridge.pump.kafka.dead-letter-topic", deadLetterTopic);
        values.putAll(overrides);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(BridgeConfig.class)
                .withMapping(PumpConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(values, "it", 500))
                .build();
        EventPump pump = EventPump.create(config.getConfigMapping(BridgeConfig.class).mqtt(),
                config.getConfigMapping(PumpConfig.class), new SimpleMeterRegistry());
        pumps.add(pump);
        return pump;
    }

    EventPump pump(String clientId) {
        return pump(clientId, Map.of());
    }

    @Override
    public void close() {
        pumps.forEach(EventPump::stop);
    }
}
