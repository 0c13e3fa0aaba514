package io.chargeplane.bridge.core.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.bridge.core.bus.MqttBus;
import io.chargeplane.bridge.core.config.BridgeConfig;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.testkit.server.SharedServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Regression: the MQTT client parks its caller once the broker's receive maximum of QoS 1 publishes is in
 * flight (HiveMQ: 10). Callers are Vert.x event loops, so a burst of attaches stalled every WebSocket handshake
 * of the bridge until the bus caught up. Publishing must hand the packet over and return at once.
 */
class PublishHandoffIT {

    private static final int BURST = 20_000;

    @Test
    void aBurstOfPublishesBeyondTheBrokersReceiveMaximumNeverParksTheCaller() throws Exception {
        int port = SharedServices.mqtt().port();
        String instance = "handoff-" + UUID.randomUUID().toString().substring(0, 8);
        BridgeConfig config = TestBridge.config(port, Map.of("chargeplane.bridge.instance-id", instance));
        MqttBus bus = new MqttBus(config.mqtt(), AdapterInstanceId.of(instance), CanonicalCodec.defaultCodec());
        bus.connect().await().atMost(Duration.ofSeconds(20));
        try {
            CompletableFuture<?>[] acks = new CompletableFuture<?>[BURST];
            for (int i = 0; i < BURST; i++) {
                acks[i] = bus.publish(Mqtt5Publish.builder().topic("chargeplane/v1/it/handoff/evt/test")
                        .qos(MqttQos.AT_LEAST_ONCE).payload(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8))
                        .build());
            }
            int waitingWhenTheLoopReturned = bus.inFlight();

            CompletableFuture.allOf(acks).get(120, TimeUnit.SECONDS);
            // A parked caller could only have returned with about the receive maximum still unacknowledged.
            assertTrue(waitingWhenTheLoopReturned > BURST / 4, "the publishing thread waited for the broker: only "
                    + waitingWhenTheLoopReturned + " of " + BURST + " publishes were still in flight when it returned");
        } finally {
            bus.close(Duration.ofSeconds(5));
        }
    }
}
