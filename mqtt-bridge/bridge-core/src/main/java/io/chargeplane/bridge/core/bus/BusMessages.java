package io.chargeplane.bridge.core.bus;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.unsubscribe.Mqtt5Unsubscribe;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.topic.Topics;
import java.nio.ByteBuffer;

/** How canonical messages and a device's subscriptions look on the wire. */
public final class BusMessages {

    /** Structured CloudEvents, as MQTT 5 content type. */
    public static final MqttUtf8String CLOUDEVENTS = MqttUtf8String.of(CanonicalCodec.STRUCTURED_CONTENT_TYPE);
    public static final MqttUtf8String JSON = MqttUtf8String.of(CanonicalCodec.DATA_CONTENT_TYPE);

    private BusMessages() {
    }

    /** A QoS 1 structured CloudEvent, not retained. */
    public static Mqtt5PublishBuilder.Complete cloudEvent(String topic, byte[] payload) {
        return Mqtt5Publish.builder().topic(topic).qos(MqttQos.AT_LEAST_ONCE).contentType(CLOUDEVENTS)
                .payload(payload);
    }

    public static Mqtt5Publish retainedJson(String topic, byte[] payload) {
        return Mqtt5Publish.builder().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true).contentType(JSON)
                .payload(payload).build();
    }

    /**
     * What an instance holding a device listens to: its commands, the replies to its requests, and its
     * presence as written by others (no-local, no retained copy), which is how it learns that the device
     * reconnected to another instance.
     */
    public static Mqtt5Subscribe deviceSubscription(DeviceAddress address) {
        return Mqtt5Subscribe.builder()
                .addSubscription().topicFilter(Topics.commandsFor(address.tenant(), address.device()))
                    .qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                .addSubscription().topicFilter(Topics.repliesFor(address.tenant(), address.device()))
                    .qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                .addSubscription().topicFilter(Topics.devicePresence(address.tenant(), address.device()))
                    .qos(MqttQos.AT_LEAST_ONCE).noLocal(true).retainHandling(Mqtt5RetainHandling.DO_NOT_SEND)
                    .applySubscription()
                .build();
    }

    public static Mqtt5Unsubscribe deviceUnsubscription(DeviceAddress address) {
        return Mqtt5Unsubscribe.builder()
                .addTopicFilter(Topics.commandsFor(address.tenant(), address.device()))
                .addTopicFilter(Topics.repliesFor(address.tenant(), address.device()))
                .addTopicFilter(Topics.devicePresence(address.tenant(), address.device()))
                .build();
    }

    /** Correlation data of a received publish as bytes, or null. */
    public static byte[] correlationData(Mqtt5Publish publish) {
        return publish.getCorrelationData().map(BusMessages::bytes).orElse(null);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
