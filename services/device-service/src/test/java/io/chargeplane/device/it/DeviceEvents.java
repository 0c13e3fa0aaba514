package io.chargeplane.device.it;

import io.chargeplane.model.device.ConnectorStatus;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.envelope.BinaryMessage;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.Connected;
import io.chargeplane.model.event.ConnectorStatusChanged;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.DisconnectReason;
import io.chargeplane.model.event.Disconnected;
import io.chargeplane.model.event.MeterContext;
import io.chargeplane.model.event.MeterSample;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Power;
import io.chargeplane.testkit.server.SharedServices;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Produces canonical device events to Kafka exactly as the event pump does: CloudEvents binary mode from the
 * model's codec, keyed {@code tenant:device}.
 */
final class DeviceEvents {

    static final String TOPIC = "chargeplane.device-events.v1";
    private static KafkaProducer<String, byte[]> producer;

    private DeviceEvents() {
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServices.kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    static void send(CanonicalEvent<? extends DeviceEvent> event) {
        BinaryMessage message = CanonicalCodec.defaultCodec().writeBinary(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, event.partitionKey(), message.data());
        message.headers().forEach((name, value) -> record.headers().add(name, value));
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    static void sendRaw(String key, byte[] value) throws Exception {
        producer().send(new ProducerRecord<>(TOPIC, key, value)).get();
    }

    static <T extends DeviceEvent> CanonicalEvent<T> event(String tenant, String device, T data, Instant time,
                                                           String adapter) {
        CanonicalEvent.Builder<T> builder = CanonicalEvent.builder(TenantId.of(tenant), DeviceId.of(device), data)
                .time(time).protocol(Protocol.OCPP_1_6);
        if (adapter != null) {
            builder.adapter(AdapterInstanceId.of(adapter));
        }
        return builder.build();
    }

    static CanonicalEvent<Connected> connected(String tenant, String device, String adapter, Instant time) {
        return event(tenant, device, new Connected("10.0.0.7", Protocol.OCPP_1_6), time, adapter);
    }

    static CanonicalEvent<Disconnected> disconnected(String tenant, String device, String adapter, Instant time) {
        return event(tenant, device, new Disconnected(DisconnectReason.CLOSED_BY_DEVICE, null), time, adapter);
    }

    static CanonicalEvent<ConnectorStatusChanged> connectorStatus(String tenant, String device, int evse,
                                                                  ConnectorStatus status, Instant time) {
        return event(tenant, device, new ConnectorStatusChanged(EvseId.of(evse), ConnectorId.of(1), status, null, null,
                time), time, "bridge-1");
    }

    static CanonicalEvent<MeterSample> meter(String tenant, String device, int evse, long energyMwh, long watts,
                                             Instant time) {
        return event(tenant, device, new MeterSample(EvseId.of(evse), ConnectorId.of(1), null, time,
                Energy.ofMilliwattHours(energyMwh), Power.ofWatts(watts), null, null, null, MeterContext.SAMPLE_PERIODIC),
                time, "bridge-1");
    }
}
