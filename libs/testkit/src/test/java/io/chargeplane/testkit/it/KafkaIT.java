package io.chargeplane.testkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RealServicesProfile.class)
class KafkaIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void consumerReceivesWhatProducerSentInKeyOrder() throws Exception {
        String topic = "testkit-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", bootstrapServers, "acks", "all", "enable.idempotence", true),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, "acme:cp-1", "event-" + i)).get();
            }
        }
        List<String> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", bootstrapServers, "group.id", "testkit-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < 3 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    assertEquals("acme:cp-1", record.key());
                    received.add(record.value());
                }
            }
        }
        assertEquals(List.of("event-0", "event-1", "event-2"), received);
    }
}
