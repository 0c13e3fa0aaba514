package io.chargeplane.bridge.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.bridge.core.bus.MqttBus;
import io.chargeplane.bridge.core.config.BridgeConfig;
import io.chargeplane.bridge.core.connection.ConnectionRegistry;
import io.chargeplane.bridge.core.metrics.BridgeMetrics;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.topic.AdapterPresence;
import io.chargeplane.model.topic.DevicePresence;
import io.chargeplane.model.topic.Topics;
import io.chargeplane.testkit.server.SharedServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The stop order on the real broker: device presence goes offline before the adapter is asked to close its
 * connections, and the instance leaves with an explicit offline presence rather than its last will.
 */
class GracefulShutdownIT {

    private static final CanonicalCodec CODEC = CanonicalCodec.defaultCodec();

    @Test
    void devicesAreOfflineOnTheBusBeforeTheAdapterClosesTheirConnections() {
        int port = SharedServices.mqtt().port();
        String instance = "shutdown-" + UUID.randomUUID().toString().substring(0, 8);
        BridgeConfig config = new SmallRyeConfigBuilder()
                .withMapping(BridgeConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(Map.of(
                        "chargeplane.bridge.mqtt.host", "127.0.0.1",
                        "chargeplane.bridge.mqtt.port", Integer.toString(port),
                        "chargeplane.bridge.instance-id", instance), "it", 500))
                .build().getConfigMapping(BridgeConfig.class);
        MqttBus bus = new MqttBus(config.mqtt(), AdapterInstanceId.of(instance), CODEC);
        ConnectionRegistry registry = new ConnectionRegistry(bus, new BridgeMetrics(new SimpleMeterRegistry()), config);
        LoopbackAdapter adapter = new LoopbackAdapter();
        adapter.connections = registry;
        BridgeRuntime runtime = new BridgeRuntime(bus, registry, List.of(adapter), Duration.ofSeconds(10));
        DeviceAddress device = DeviceAddress.of("acme", "LOOP-" + UUID.randomUUID().toString().substring(0, 8));
        String presenceTopic = Topics.devicePresence(device.tenant(), device.device());
        String adapterTopic = Topics.adapterPresence(AdapterInstanceId.of(instance));

        List<Mqtt5Publish> seen = new CopyOnWriteArrayList<>();
        Mqtt5AsyncClient platform = MqttClient.builder().useMqttVersion5().identifier("platform-" + instance)
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
        platform.publishes(MqttGlobalPublishFilter.ALL, seen::add);
        platform.connect().orTimeout(10, TimeUnit.SECONDS).join();
        platform.subscribeWith().topicFilter(presenceTopic).send().orTimeout(10, TimeUnit.SECONDS).join();
        platform.subscribeWith().topicFilter(adapterTopic).send().orTimeout(10, TimeUnit.SECONDS).join();
        adapter.offlineSeenAtStop = () -> {
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lastPresence(seen, presenceTopic) != null
                    && !lastPresence(seen, presenceTopic).online());
            return true;
        };
        try {
            runtime.start();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(bus::isConnected);
            adapter.connect(device);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lastPresence(seen, presenceTopic) != null
                    && lastPresence(seen, presenceTopic).online());

            runtime.stop();

            assertTrue(adapter.stopped);
            assertTrue(adapter.offlineBeforeStop, "presence offline was on the bus before the adapter stopped");
            assertTrue(adapter.linksInactiveAtStop, "links were already closed, so the adapter's detach is a no-op");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream()
                    .anyMatch(p -> p.getTopic().toString().equals(adapterTopic)
                            && !CODEC.readJson(p.getPayloadAsBytes(), AdapterPresence.class).online()));
            AdapterPresence last = CODEC.readJson(seen.stream().filter(p -> p.getTopic().toString().equals(adapterTopic))
                    .reduce((a, b) -> b).orElseThrow().getPayloadAsBytes(), AdapterPresence.class);
            assertFalse(last.online());
            assertTrue(last.since() != null, "an explicit goodbye carries a time; the last will does not");
        } finally {
            platform.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(failure -> null).join();
        }
    }

    private static DevicePresence lastPresence(List<Mqtt5Publish> seen, String topic) {
        return seen.stream().filter(p -> p.getTopic().toString().equals(topic)).reduce((a, b) -> b)
                .map(p -> CODEC.readJson(p.getPayloadAsBytes(), DevicePresence.class)).orElse(null);
    }
}
