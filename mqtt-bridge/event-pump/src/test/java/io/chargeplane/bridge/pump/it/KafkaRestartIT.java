package io.chargeplane.bridge.pump.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.pump.EventPump;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.testkit.server.SharedServices;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker goes away mid-stream and comes back on the same port with its logs: the pump holds at most
 * its receive maximum unacknowledged, the MQTT broker keeps the rest, and every event reaches Kafka in order.
 */
class KafkaRestartIT {

    private static final int RECEIVE_MAXIMUM = 32;

    @Test
    void kafkaBrokerRestartMidStreamLosesNoEventAndBoundsWhatThePumpHolds() throws Exception {
        try (RestartableKafka kafka = new RestartableKafka();
             PumpHarness harness = new PumpHarness(kafka.bootstrapServers(), SharedServices.mqtt().port(), 3);
             DeviceSide devices = new DeviceSide(SharedServices.mqtt().port())) {
            TenantId tenant = TenantId.of("t-" + harness.id);
            List<DeviceId> fleet = List.of(DeviceId.of("CP-1"), DeviceId.of("CP-2"), DeviceId.of("CP-3"));
            EventPump pump = harness.pump("pump-k-" + harness.id,
                    Map.of("chargeplane.bridge.pump.receive-maximum", Integer.toString(RECEIVE_MAXIMUM),
                            // Shorter than the outage: sends refused for lack of metadata must be retried in order.
                            "chargeplane.bridge.pump.kafka.max-block", "1s"));
            pump.start();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(pump::isSubscribed);

            devices.publish(tenant, fleet, 0, 100);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pump.metrics().count("delivered") >= 300);
            int port = Integer.parseInt(kafka.bootstrapServers().replaceAll(".*:", ""));

            kafka.stopBroker();
            assertEquals(Boolean.FALSE, pump.kafkaReachable(Duration.ofSeconds(2)).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS), "readiness sees Kafka gone");
            AtomicInteger mostHeld = new AtomicInteger();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> mostHeld.accumulateAndGet(pump.inFlight(), Math::max),
                    0, 5, TimeUnit.MILLISECONDS);
            try {
                devices.publish(tenant, fleet, 100, 100);
                Thread.sleep(4_000);
            } finally {
                sampler.shutdownNow();
            }
            System.out.printf("kafka outage: 300 events published, pump held at most %d unacknowledged%n", mostHeld.get());
            // HiveMQ CE hands a shared-subscription member a new batch only once it acknowledged the last one, so
            // during the outage the pump may hold fewer than its receive maximum; never more.
            assertTrue(mostHeld.get() >= 1 && mostHeld.get() <= RECEIVE_MAXIMUM,
                    "the broker holds back everything beyond the receive maximum: held " + mostHeld.get());
            assertEquals(300, pump.metrics().count("delivered"), "nothing is acknowledged while Kafka is down");

            kafka.startBroker();
            assertEquals(port, Integer.parseInt(kafka.bootstrapServers().replaceAll(".*:", "")), "same port");
            assertTrue(canConnect(port));
            devices.publish(tenant, fleet, 200, 100);

            try (KafkaTopicReader reader = new KafkaTopicReader(kafka.bootstrapServers(), harness.eventTopic)) {
                List<ConsumerRecord<String, byte[]>> records = reader.readUntil(900, Duration.ofSeconds(90));
                assertEquals(900, KafkaTopicReader.distinctIds(records), "no event lost across the Kafka restart");
                Map<String, List<Integer>> sequences = KafkaTopicReader.firstSequencePerKey(records);
                for (DeviceId device : fleet) {
                    assertEquals(IntStream.range(0, 300).boxed().toList(),
                            sequences.get(tenant.value() + ":" + device.value()), "order of " + device);
                }
                System.out.printf("kafka restart: 900 events, %d records, %d duplicates, %.0f sends retried%n",
                        records.size(), KafkaTopicReader.duplicates(records), pump.metrics().count("retried"));
            }
        }
    }

    private static boolean canConnect(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (Exception e) {
            return false;
        }
    }
}
