package io.chargeplane.bridge.core.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusMessagesTest {

    private static final DeviceAddress CP1 = DeviceAddress.of("acme", "CP1");

    @Test
    void deviceSubscriptionCoversCommandsRepliesAndPresenceWrittenByOthers() {
        List<? extends Mqtt5Subscription> subscriptions = BusMessages.deviceSubscription(CP1).getSubscriptions();

        assertEquals(List.of("chargeplane/v1/acme/CP1/cmd/+", "chargeplane/v1/acme/CP1/res/+",
                "chargeplane/v1/acme/CP1/presence"), subscriptions.stream().map(s -> s.getTopicFilter().toString()).toList());
        assertFalse(subscriptions.get(0).isNoLocal());
        Mqtt5Subscription presence = subscriptions.get(2);
        assertTrue(presence.isNoLocal());
        assertEquals(Mqtt5RetainHandling.DO_NOT_SEND, presence.getRetainHandling());
    }

    @Test
    void unsubscriptionRemovesExactlyWhatWasSubscribed() {
        assertEquals(BusMessages.deviceSubscription(CP1).getSubscriptions().stream().map(s -> s.getTopicFilter().toString()).toList(),
                BusMessages.deviceUnsubscription(CP1).getTopicFilters().stream().map(Object::toString).toList());
    }
}
