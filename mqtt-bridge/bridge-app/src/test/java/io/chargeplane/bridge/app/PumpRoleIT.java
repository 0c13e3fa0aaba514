package io.chargeplane.bridge.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.LogEvent;
import io.chargeplane.model.event.Severity;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.topic.Topics;
import io.chargeplane.testkit.quarkus.KafkaResource;
import io.chargeplane.testkit.quarkus.MqttResource;
import io.chargeplane.testkit.server.SharedServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The packaged application with only the pump role: readiness, metrics and one event from the bus into Kafka. */
@QuarkusTest
@TestProfile(PumpRoleIT.PumpOnly.class)
class PumpRoleIT {

    static final String EVENTS_TOPIC = "pump-role-it-events";

    public static class PumpOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "chargeplane.bridge.roles", "pump",
                    "quarkus.http.test-port", "0",
                    "chargeplane.bridge.mqtt.host", "${chargeplane.mqtt.host}",
                    "chargeplane.bridge.mqtt.port", "${chargeplane.mqtt.port}",
                    "chargeplane.bridge.pump.client-id", "pump-role-it",
                    "chargeplane.bridge.pump.group", "pump-role-it",
                    "chargeplane.bridge.pump.session-expiry", "60s",
                    "chargeplane.bridge.pump.kafka.bootstrap-servers", "${kafka.bootstrap.servers}",
                    "chargeplane.bridge.pump.kafka.topic", EVENTS_TOPIC);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MqttResource.class), new TestResourceEntry(KafkaResource.class));
        }
    }

    @Test
    void pumpOnlyInstanceIsReadyWithoutAdaptersAndMovesAnEventIntoKafka() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'event-pump' }.data.busSubscribed", equalTo(true))
                .body("checks.find { it.name == 'event-pump' }.data.kafkaReachable", equalTo(true))
                .body("checks.find { it.name == 'device-bus' }.data.enabled", equalTo(false)));

        TenantId tenant = TenantId.of("acme");
        DeviceId device = DeviceId.of("CP-" + UUID.randomUUID().toString().substring(0, 8));
        CanonicalEvent<LogEvent> event = CanonicalEvent.builder(tenant, device,
                new LogEvent(Severity.INFO, "through the app", null)).build();
        Mqtt5BlockingClient adapter = MqttClient.builder().useMqttVersion5().identifier("pump-role-it-adapter")
                .serverHost("127.0.0.1").serverPort(SharedServices.mqtt().port()).buildBlocking();
        adapter.connect();
        try {
            adapter.publishWith().topic(Topics.event(tenant, device, LogEvent.NAME)).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(CanonicalCodec.defaultCodec().writeStructured(event)).send();
        } finally {
            adapter.disconnect();
        }

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", SharedServices.kafka().bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                if (consumer.assignment().isEmpty()) {
                    if (consumer.partitionsFor(EVENTS_TOPIC).isEmpty()) {
                        return false;
                    }
                    List<TopicPartition> partitions = consumer.partitionsFor(EVENTS_TOPIC).stream()
                            .map(p -> new TopicPartition(EVENTS_TOPIC, p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> r.key().equals("acme:" + device.value()));
            });
            ConsumerRecord<String, byte[]> record = seen.stream().filter(r -> r.key().equals("acme:" + device.value()))
                    .findFirst().orElseThrow();
            org.junit.jupiter.api.Assertions.assertEquals(event.id().value(),
                    new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
        }

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("chargeplane_pump_events_total{outcome=\"delivered\"} 1.0"))
                .body(containsString("chargeplane_pump_in_flight")));
    }
}
