package io.chargeplane.charging.it;

import io.chargeplane.model.envelope.BinaryMessage;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.EventId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.session.ChargingSessionChanged;
import io.chargeplane.model.session.SessionTopics;
import io.chargeplane.testkit.server.SharedServices;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Device events in, as the event pump produces them; session changes out, as a consumer reads them. */
final class Kafka {

    static final String DEVICE_EVENTS = "chargeplane.device-events.v1";
    private static KafkaProducer<String, byte[]> producer;

    private Kafka() {
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    SharedServices.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    static <T extends DeviceEvent> CanonicalEvent<T> event(String tenant, String device, T data, Instant time) {
        return CanonicalEvent.builder(TenantId.of(tenant), DeviceId.of(device), data).id(EventId.random()).time(time)
                .protocol(Protocol.OCPP_1_6).build();
    }

    static void send(CanonicalEvent<? extends DeviceEvent> event) throws Exception {
        BinaryMessage message = CanonicalCodec.defaultCodec().writeBinary(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(DEVICE_EVENTS, event.partitionKey(), message.data());
        message.headers().forEach((name, value) -> record.headers().add(name, value));
        producer().send(record).get();
    }

    /** A session change as read from the topic, with the headers a consumer relies on. */
    record Published(String key, String ceId, String ceType, String ceSubject, String ceSource,
                     ChargingSessionChanged change) {
    }

    /** Every change of one session on the topic, in topic order, waiting until {@code expected} are there. */
    static List<Published> sessionChanges(String sessionId, int expected, Duration within) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServices.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(SessionTopics.SESSIONS));
            List<Published> found = new ArrayList<>();
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline && found.size() < expected) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    if (!sessionId.equals(header(r, "ce_subject"))) {
                        continue;
                    }
                    found.add(new Published(r.key(), header(r, "ce_id"), header(r, "ce_type"), header(r, "ce_subject"),
                            header(r, "ce_source"),
                            CanonicalCodec.defaultCodec().readJson(r.value(), ChargingSessionChanged.class)));
                }
            }
            // A little longer, so that a duplicate publication would be seen too.
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                if (sessionId.equals(header(r, "ce_subject"))) {
                    found.add(new Published(r.key(), header(r, "ce_id"), header(r, "ce_type"), header(r, "ce_subject"),
                            header(r, "ce_source"),
                            CanonicalCodec.defaultCodec().readJson(r.value(), ChargingSessionChanged.class)));
                }
            }
            return found;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
