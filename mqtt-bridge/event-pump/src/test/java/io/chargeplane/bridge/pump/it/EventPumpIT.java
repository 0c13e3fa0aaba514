package io.chargeplane.bridge.pump.it;

import static io.chargeplane.bridge.pump.it.KafkaTopicReader.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.pump.EventPump;
import io.chargeplane.bridge.pump.kafka.PumpRecords;
import io.chargeplane.model.event.LogEvent;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.topic.Topics;
import io.chargeplane.testkit.server.SharedServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pump between the real HiveMQ broker and the real Kafka node of the test kit. */
class EventPumpIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private PumpHarness harness;
    private DeviceSide devices;
    private TenantId tenant;

    @BeforeEach
    void start() {
        harness = new PumpHarness(SharedServices.kafka().bootstrapServers(), SharedServices.mqtt().port(), 4);
        devices = new DeviceSide(SharedServices.mqtt().port());
        tenant = TenantId.of("t-" + harness.id);
    }

    @AfterEach
    void stop() {
        devices.close();
        harness.close();
    }

    private static void awaitSubscribed(EventPump pump) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(pump::isSubscribed);
    }

    private static List<Integer> range(int first, int count) {
        return IntStream.range(first, first + count).boxed().toList();
    }

    @Test
    void eventsArriveInKafkaInPerDeviceOrderWithCloudEventsHeadersAndDeviceKey() {
        EventPump pump = harness.pump("pump-a-" + harness.id);
        pump.start();
        awaitSubscribed(pump);
        List<DeviceId> fleet = List.of(DeviceId.of("CP-1"), DeviceId.of("CP-2"), DeviceId.of("GATE-1"));

        List<String> ids = devices.publish(tenant, fleet, 0, 200);

        try (KafkaTopicReader reader = new KafkaTopicReader(harness.bootstrapServers, harness.eventTopic)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(ids.size(), READ_TIMEOUT);
            assertEquals(Set.copyOf(ids), new HashSet<>(records.stream().map(r -> header(r, "ce_id")).toList()));
            assertEquals(0, KafkaTopicReader.duplicates(records), "no restart, no duplicate");
            Map<String, List<Integer>> sequences = KafkaTopicReader.firstSequencePerKey(records);
            for (DeviceId device : fleet) {
                assertEquals(range(0, 200), sequences.get(tenant.value() + ":" + device.value()),
                        "events of " + device + " in publish order");
            }
            KafkaTopicReader.partitionsPerKey(records).forEach((key, partitions) ->
                    assertEquals(1, partitions.size(), key + " stays in one partition"));
            ConsumerRecord<String, byte[]> first = records.getFirst();
            String device = first.key().substring(first.key().indexOf(':') + 1);
            assertEquals("1.0", header(first, "ce_specversion"));
            assertEquals("io.chargeplane.device.log.v1", header(first, "ce_type"));
            assertEquals("/tenants/" + tenant.value() + "/devices/" + device, header(first, "ce_source"));
            assertEquals(device, header(first, "ce_subject"));
            assertEquals(tenant.value(), header(first, "ce_tenant"));
            assertNotNull(header(first, "ce_time"));
            assertEquals("application/json", header(first, "content-type"), "datacontenttype, by the Kafka binding");
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pump.inFlight() == 0);
        assertEquals(ids.size(), pump.metrics().count("delivered"));
    }

    @Test
    void twoPumpsInOneGroupSplitTheLoadAndTogetherDeliverEveryEventOnce() throws Exception {
        Map<String, String> window = Map.of("chargeplane.bridge.pump.receive-maximum", "8");
        EventPump first = harness.pump("pump-a-" + harness.id, window);
        EventPump second = harness.pump("pump-b-" + harness.id, window);
        first.start();
        second.start();
        awaitSubscribed(first);
        awaitSubscribed(second);
        List<DeviceId> fleet = IntStream.range(0, 10).mapToObj(i -> DeviceId.of("CP-" + i)).toList();

        // HiveMQ CE hands a burst to whichever member of the group polls first, so a single burst may go to one
        // pump; traffic that keeps coming (here: bursts spread over time, like many adapters) is split.
        List<String> ids = new ArrayList<>();
        for (int burst = 0; burst < 10; burst++) {
            ids.addAll(devices.publish(tenant, fleet, burst * 2, 2));
            Thread.sleep(400);
        }

        try (KafkaTopicReader reader = new KafkaTopicReader(harness.bootstrapServers, harness.eventTopic)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(ids.size(), READ_TIMEOUT);
            assertEquals(Set.copyOf(ids), new HashSet<>(records.stream().map(r -> header(r, "ce_id")).toList()));
            assertEquals(ids.size(), records.size(), "exactly once in the normal case");
            long outOfOrder = KafkaTopicReader.firstSequencePerKey(records).values().stream()
                    .mapToLong(KafkaTopicReader::inversions).sum();
            System.out.printf("two pumps: %d events, split %.0f / %.0f, %d per-device order inversions%n",
                    ids.size(), first.metrics().count("delivered"), second.metrics().count("delivered"), outOfOrder);
        }
        double byFirst = first.metrics().count("delivered");
        double bySecond = second.metrics().count("delivered");
        assertEquals(ids.size(), byFirst + bySecond);
        assertTrue(byFirst > 0 && bySecond > 0, "both pumps took a share: " + byFirst + " / " + bySecond);
    }

    @Test
    void restartedPumpResumesItsSessionAndLosesNoEvent() throws Exception {
        restartMidStream("10s", "graceful");
    }

    /**
     * No drain: the pump disconnects while its last sends are still with Kafka, as a crashed pump would; the
     * producer still completes them, but their acknowledgements never reach the broker, which delivers those
     * events again after the restart.
     */
    @Test
    void pumpLeavingWithoutDrainLosesNoEventAndOnlyDuplicates() throws Exception {
        restartMidStream("0s", "no drain");
    }

    private void restartMidStream(String drainTimeout, String label) throws Exception {
        String clientId = "pump-r-" + harness.id;
        EventPump pump = harness.pump(clientId, Map.of("chargeplane.bridge.pump.receive-maximum", "16",
                "chargeplane.bridge.pump.drain-timeout", drainTimeout));
        pump.start();
        awaitSubscribed(pump);
        List<DeviceId> fleet = List.of(DeviceId.of("CP-1"), DeviceId.of("CP-2"));

        // Stop the pump while events are still streaming in, so some arrive during its stop and after it.
        Thread publisher = Thread.ofPlatform().start(() -> devices.publish(tenant, fleet, 0, 300));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> pump.metrics().count("delivered") >= 50);
        pump.stop();
        publisher.join(30_000);
        devices.publish(tenant, fleet, 300, 100);

        EventPump restarted = harness.pump(clientId);
        restarted.start();

        int expected = fleet.size() * 400;
        try (KafkaTopicReader reader = new KafkaTopicReader(harness.bootstrapServers, harness.eventTopic)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(expected, READ_TIMEOUT);
            assertEquals(expected, KafkaTopicReader.distinctIds(records), "no event lost across the restart");
            Map<String, List<Integer>> sequences = KafkaTopicReader.firstSequencePerKey(records);
            for (DeviceId device : fleet) {
                assertEquals(range(0, 400), sequences.get(tenant.value() + ":" + device.value()));
            }
            System.out.printf("pump restart (" + label + "): %d events, %d records, %d duplicates, %.0f returned unacknowledged "
                            + "at stop, %.0f delivered before / %.0f after the restart%n",
                    expected, records.size(), KafkaTopicReader.duplicates(records),
                    pump.metrics().count("returned"), pump.metrics().count("delivered"),
                    restarted.metrics().count("delivered"));
        }
    }

    @Test
    void poisonMessageLandsInTheDeadLetterTopicWithItsReasonAndTheStreamGoesOn() {
        EventPump pump = harness.pump("pump-p-" + harness.id);
        pump.start();
        awaitSubscribed(pump);
        DeviceId device = DeviceId.of("CP-9");
        String topic = Topics.event(tenant, device, LogEvent.NAME);
        byte[] poison = "{\"specversion\":\"1.0\",\"id\":".getBytes(StandardCharsets.UTF_8);

        devices.publish(tenant, List.of(device), 0, 5);
        devices.publishRaw(topic, poison);
        List<String> after = devices.publish(tenant, List.of(device), 5, 5);

        try (KafkaTopicReader reader = new KafkaTopicReader(harness.bootstrapServers, harness.eventTopic)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(10, READ_TIMEOUT);
            assertEquals(range(0, 10), KafkaTopicReader.firstSequencePerKey(records).get(tenant.value() + ":CP-9"));
            assertTrue(records.stream().map(r -> header(r, "ce_id")).toList().containsAll(after));
        }
        try (KafkaTopicReader reader = new KafkaTopicReader(harness.bootstrapServers, harness.deadLetterTopic)) {
            // Dead letters carry no ce_* headers: the one letter counts as one (null) id.
            List<ConsumerRecord<String, byte[]>> dead = reader.readUntil(1, READ_TIMEOUT);
            assertEquals(1, dead.size());
            ConsumerRecord<String, byte[]> letter = dead.getFirst();
            assertEquals(tenant.value() + ":CP-9", letter.key());
            assertEquals(topic, header(letter, PumpRecords.MQTT_TOPIC_HEADER));
            assertNotNull(header(letter, PumpRecords.ERROR_HEADER));
            assertEquals(new String(poison, StandardCharsets.UTF_8), new String(letter.value(), StandardCharsets.UTF_8));
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pump.inFlight() == 0);
        assertEquals(1, pump.metrics().count("dead_lettered"));
    }
}
