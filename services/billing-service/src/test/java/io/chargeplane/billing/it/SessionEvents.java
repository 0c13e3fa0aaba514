package io.chargeplane.billing.it;

import io.chargeplane.billing.api.SessionRated;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.session.ChargingSessionChanged;
import io.chargeplane.model.session.EndCause;
import io.chargeplane.model.session.SessionOrigin;
import io.chargeplane.model.session.SessionReading;
import io.chargeplane.model.session.SessionState;
import io.chargeplane.model.session.SessionTopics;
import io.chargeplane.model.unit.Energy;
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
import java.util.concurrent.ExecutionException;

/**
 * Charging sessions as charging-service publishes them (the shared contract: CloudEvents binary mode, JSON of
 * the record as the value, key {@code tenant:sessionId}), and a reader of billing's rated-session records.
 */
final class SessionEvents {

    private static KafkaProducer<String, byte[]> producer;
    private static final CanonicalCodec CODEC = CanonicalCodec.defaultCodec();

    private SessionEvents() {
    }

    /** A session's facts; each state is built from it. Energy is delivered at constant power start to end. */
    record Session(String tenant, String sessionId, String site, String driver, String holdId, Instant start,
                   Instant end, long energyWh) {

        ChargingSessionChanged state(SessionState state, long sequence) {
            boolean completed = state == SessionState.COMPLETED;
            boolean started = state != SessionState.STARTING;
            List<SessionReading> readings = new ArrayList<>();
            if (started) {
                readings.add(new SessionReading(start, Energy.ZERO));
                Instant half = start.plus(Duration.between(start, end).dividedBy(2));
                if (state != SessionState.ACTIVE || sequence > 2) {
                    readings.add(new SessionReading(half, Energy.ofWh(energyWh / 2)));
                }
                if (completed) {
                    readings.add(new SessionReading(end, Energy.ofWh(energyWh)));
                }
            }
            Energy last = readings.isEmpty() ? Energy.ZERO : readings.getLast().register();
            return new ChargingSessionChanged(sessionId + ":" + sequence, sequence, sessionId, TenantId.of(tenant),
                    DeviceId.of("cp-" + site), EvseId.of(1), ConnectorId.of(1), site, state,
                    holdId == null ? SessionOrigin.LOCAL : SessionOrigin.APP, driver, null, holdId,
                    started ? "tx-" + sessionId : null, null, start.minusSeconds(5), started ? start : null,
                    completed ? end : null, started ? Energy.ZERO : null, completed ? Energy.ofWh(energyWh) : null,
                    last, null, readings, completed ? EndCause.DRIVER : null,
                    state == SessionState.FAILED ? "charger rejected the start" : null, completed ? end : start);
        }

        /** STARTING, ACTIVE, ACTIVE, COMPLETED: sequences 1 to 4. */
        List<ChargingSessionChanged> lifecycle() {
            return List.of(state(SessionState.STARTING, 1), state(SessionState.ACTIVE, 2), state(SessionState.ACTIVE, 3),
                    state(SessionState.COMPLETED, 4));
        }
    }

    static Session session(String tenant, String site, String driver, String holdId, Instant start, Instant end, long wh) {
        return new Session(tenant, "s-" + UUID.randomUUID().toString().substring(0, 12), site, driver, holdId, start, end, wh);
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServices.kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    static void send(ChargingSessionChanged event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(SessionTopics.SESSIONS, event.key(), CODEC.writeJson(event));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", event.eventId());
        header(record, "ce_source", SessionTopics.SOURCE);
        header(record, "ce_type", SessionTopics.typeOf(event.state()));
        header(record, "ce_subject", event.sessionId());
        header(record, "ce_time", event.occurredAt().toString());
        header(record, "content-type", "application/json");
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    static void sendAll(List<ChargingSessionChanged> events) {
        events.forEach(SessionEvents::send);
    }

    static byte[] json(ChargingSessionChanged event) {
        return CODEC.writeJson(event);
    }

    /** Every rated-session record on the topic so far with this key, read from the beginning. */
    static List<ConsumerRecord<String, byte[]>> ratedRecords(String key, Duration readFor) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServices.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(SessionRated.TOPIC));
            long until = System.nanoTime() + readFor.toNanos();
            while (System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static SessionRated rated(ConsumerRecord<String, byte[]> record) {
        return CODEC.readJson(record.value(), SessionRated.class);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
