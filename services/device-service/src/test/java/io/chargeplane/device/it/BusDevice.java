package io.chargeplane.device.it;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.command.CommandStatus;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.topic.Topics;
import io.chargeplane.testkit.server.SharedServices;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The device side of the bus in tests, doing what an adapter does for a connected device: subscribes to the
 * device's command topic and, when told to, answers on the requester's response topic with its correlation data.
 */
final class BusDevice implements AutoCloseable {

    /** A command as it arrived, with what is needed to answer it later. */
    record Received(Mqtt5Publish publish, CommandRequest request) {
    }

    private final Mqtt5AsyncClient client;
    private final TenantId tenant;
    private final DeviceId device;
    private final CommandStatus answer;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** @param answer the status to answer every command with, or null to stay silent */
    BusDevice(String tenant, String device, CommandStatus answer) throws Exception {
        this.tenant = TenantId.of(tenant);
        this.device = DeviceId.of(device);
        this.answer = answer;
        this.client = MqttClient.builder().useMqttVersion5().identifier("test-device-" + UUID.randomUUID())
                .serverHost(SharedServices.mqtt().host()).serverPort(SharedServices.mqtt().port()).buildAsync();
        client.connect().get(30, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(Topics.commandsFor(this.tenant, this.device)).qos(MqttQos.AT_LEAST_ONCE)
                .callback(this::onCommand).send().get(30, TimeUnit.SECONDS);
    }

    private void onCommand(Mqtt5Publish publish) {
        CommandRequest request = CanonicalCodec.defaultCodec()
                .readStructured(publish.getPayloadAsBytes(), CommandRequest.class).data();
        received.add(new Received(publish, request));
        if (answer != null) {
            // Not awaited: this runs on the MQTT client's shared thread, which must not block.
            send(received.getLast(), answer, Map.of("device", "answered at once"));
        }
    }

    /** Answers a received command, as an adapter does once the device has responded, and waits for the PUBACK. */
    void reply(Received command, CommandStatus status, Map<String, String> detail) throws Exception {
        send(command, status, detail).get(30, TimeUnit.SECONDS);
    }

    private CompletableFuture<?> send(Received command, CommandStatus status, Map<String, String> detail) {
        CommandResult result = new CommandResult(command.request().correlationId(), command.request().capability(),
                status, status == CommandStatus.ACCEPTED ? null : "device.refused", detail);
        byte[] payload = CanonicalCodec.defaultCodec().writeStructured(
                CanonicalEvent.builder(tenant, device, result).build());
        var reply = Mqtt5Publish.builder().topic(command.publish().getResponseTopic().orElseThrow())
                .qos(MqttQos.AT_LEAST_ONCE).payload(payload);
        command.publish().getCorrelationData().ifPresent(reply::correlationData);
        return client.publish(reply.build());
    }

    List<Received> received() {
        return received;
    }

    /** Publishes as a bridge would: the retained presence of an adapter instance, or its last will. */
    static void publishRetained(String topic, byte[] payload) throws Exception {
        Mqtt5AsyncClient publisher = MqttClient.builder().useMqttVersion5().identifier("test-bridge-" + UUID.randomUUID())
                .serverHost(SharedServices.mqtt().host()).serverPort(SharedServices.mqtt().port()).buildAsync();
        publisher.connect().get(30, TimeUnit.SECONDS);
        publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(payload).send()
                .get(30, TimeUnit.SECONDS);
        publisher.disconnect().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        client.disconnect().get(30, TimeUnit.SECONDS);
    }
}
