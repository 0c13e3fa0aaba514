package io.chargeplane.device.bus;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

/**
 * A bean that listens on the device bus. {@link DeviceBus} subscribes every subscriber's filter on each
 * (re)connect, because the service's session is not persistent, and hands it the messages that match.
 * Handlers run on the MQTT client's thread: they must not block.
 */
public interface BusSubscriber {

    /** The MQTT filter, e.g. {@code chargeplane/v1/_adapters/+/presence}. */
    String filter();

    void onMessage(Mqtt5Publish publish);
}
