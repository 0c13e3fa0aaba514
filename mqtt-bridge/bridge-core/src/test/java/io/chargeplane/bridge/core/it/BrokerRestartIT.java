package io.chargeplane.bridge.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.core.spi.BusUnavailableException;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.bridge.core.spi.DeviceLink;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandStatus;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.event.DisconnectReason;
import io.chargeplane.model.event.Disconnected;
import io.chargeplane.model.topic.DevicePresence;
import io.chargeplane.model.topic.Topics;
import io.chargeplane.testkit.server.MqttBroker;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The broker restarts (an in-memory one: every session, subscription and retained message is gone). The
 * bridge reconnects by itself, restores the command subscriptions and presence of the devices it holds, and
 * bounds what it buffers while the bus is down.
 */
class BrokerRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void commandsReachADeviceAgainAfterTheBrokerCameBack() {
        MqttBroker broker = new MqttBroker(MqttBroker.Options.defaults()).start();
        int port = broker.port();
        DeviceAddress address = DeviceAddress.of("acme", "CP-" + UUID.randomUUID().toString().substring(0, 8));
        RecordingEndpoint endpoint = new RecordingEndpoint("survivor");
        try (TestBridge bridge = TestBridge.start(port, Map.of("chargeplane.bridge.mqtt.outage-buffer", "2"))) {
            DeviceLink link = bridge.registry.attach(address, Protocol.OCPP_1_6, endpoint).await().atMost(WAIT);

            broker.stop();
            Awaitility.await().atMost(WAIT).until(() -> !bridge.bus.isConnected());
            Disconnected event = new Disconnected(DisconnectReason.TIMEOUT, "during outage");
            CompletableFuture<Void> firstQueued = link.publish(event, null).subscribeAsCompletionStage().toCompletableFuture();
            CompletableFuture<Void> secondQueued = link.publish(event, null).subscribeAsCompletionStage().toCompletableFuture();
            CompletableFuture<Void> overflow = link.publish(event, null).subscribeAsCompletionStage().toCompletableFuture();
            Awaitility.await().atMost(WAIT).until(overflow::isDone);
            assertTrue(overflow.isCompletedExceptionally(), "a publish beyond the outage buffer fails fast");
            assertInstanceOf(BusUnavailableException.class, overflow.handle((ok, failure) -> failure).join());
            assertFalse(firstQueued.isDone());

            broker = new MqttBroker(MqttBroker.Options.defaults().withPort(port)).start();
            Awaitility.await().atMost(WAIT).until(bridge.bus::isConnected);
            firstQueued.join();
            secondQueued.join();

            String presenceTopic = Topics.devicePresence(address.tenant(), address.device());
            try (BusProbe probe = BusProbe.connect(port, presenceTopic, "chargeplane/v1/acme/" + address.device().value() + "/result/+")) {
                DevicePresence restored = BusProbe.CODEC.readJson(probe.await(presenceTopic, WAIT).getPayloadAsBytes(),
                        DevicePresence.class);
                assertTrue(restored.online(), "retained presence is restored on the fresh broker");
                assertEquals(bridge.instance, restored.adapter());

                CommandRequest command = Commands.reset();
                probe.publish(Commands.message(address, command));

                assertEquals(CommandStatus.ACCEPTED, Commands.result(
                        probe.await(Commands.resultTopic(address, command), WAIT)).status());
                assertEquals(1, endpoint.executed.size());
            }
        } finally {
            broker.stop();
        }
    }
}
