package io.chargeplane.bridge.pump.it;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.LogEvent;
import io.chargeplane.model.event.Severity;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What an adapter does on the bus: publishes canonical events (structured mode, QoS 1). Each event's log
 * message is {@code seq <n>}, counted per device, so order and completeness can be checked in Kafka.
 */
final class DeviceSide implements AutoCloseable {

    static final CanonicalCodec CODEC = CanonicalCodec.defaultCodec();

    private final Mqtt5AsyncClient client;

    DeviceSide(int port) {
        client = MqttClient.builder().useMqttVersion5().identifier("adapter-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
        client.connect().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Publishes {@code count} events per device, numbered from {@code first}, interleaving the devices. */
    List<String> publish(TenantId tenant, List<DeviceId> devices, int first, int count) {
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            for (DeviceId device : devices) {
                CanonicalEvent<LogEvent> event = CanonicalEvent.builder(tenant, device,
                        new LogEvent(Severity.INFO, "seq " + n, "test")).build();
                ids.add(event.id().value());
                acks.add(client.publishWith().topic(Topics.event(tenant, device, LogEvent.NAME))
                        .qos(MqttQos.AT_LEAST_ONCE).payload(CODEC.writeStructured(event)).send());
            }
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
        return ids;
    }

    void publishRaw(String topic, byte[] payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send()
                .orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        client.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(failure -> null).join();
    }
}
