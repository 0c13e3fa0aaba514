package io.chargeplane.charging.it;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.DeviceRequest;
import io.chargeplane.model.topic.Topics;
import io.chargeplane.testkit.server.SharedServices;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The adapter side of device requests in tests, doing what bridge-core's request client does: publish the request
 * on {@code req/{name}} with a response topic and correlation data, and match the reply on {@code res/+}.
 */
final class BusAdapter implements AutoCloseable {

    private final Mqtt5AsyncClient client;
    private final TenantId tenant;
    private final DeviceId device;
    private final Map<Long, CompletableFuture<DeviceReply>> pending = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();

    BusAdapter(String tenant, String device) throws Exception {
        this.tenant = TenantId.of(tenant);
        this.device = DeviceId.of(device);
        client = MqttClient.builder().useMqttVersion5().identifier("test-adapter-" + UUID.randomUUID())
                .serverHost(SharedServices.mqtt().host()).serverPort(SharedServices.mqtt().port()).buildAsync();
        client.connect().get(30, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(Topics.repliesFor(this.tenant, this.device)).qos(MqttQos.AT_LEAST_ONCE)
                .callback(this::onReply).send().get(30, TimeUnit.SECONDS);
    }

    <R extends DeviceReply> R request(DeviceRequest request, Class<R> replyType) throws Exception {
        long token = tokens.incrementAndGet();
        CompletableFuture<DeviceReply> reply = new CompletableFuture<>();
        pending.put(token, reply);
        byte[] payload = CanonicalCodec.defaultCodec().writeStructured(CanonicalEvent.builder(tenant, device, request)
                .correlationId(CorrelationId.random()).build());
        client.publish(Mqtt5Publish.builder().topic(Topics.request(tenant, device, request.requestName()))
                .qos(MqttQos.AT_LEAST_ONCE).payload(payload)
                .responseTopic(Topics.reply(tenant, device, request.requestName()))
                .correlationData(ByteBuffer.allocate(Long.BYTES).putLong(0, token)).build()).get(10, TimeUnit.SECONDS);
        return replyType.cast(reply.get(10, TimeUnit.SECONDS));
    }

    private void onReply(Mqtt5Publish publish) {
        ByteBuffer data = publish.getCorrelationData().orElseThrow();
        CompletableFuture<DeviceReply> waiting = pending.remove(data.getLong(data.position()));
        if (waiting != null) {
            waiting.complete(CanonicalCodec.defaultCodec().readStructured(publish.getPayloadAsBytes(), DeviceReply.class).data());
        }
    }

    @Override
    public void close() throws Exception {
        client.disconnect().get(10, TimeUnit.SECONDS);
    }
}
