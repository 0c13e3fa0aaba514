package io.chargeplane.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.envelope.BinaryMessage;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.Connected;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeviceEventRecordsTest {

    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();

    @Test
    void readsTheEventFromTheCloudEventsHeadersAndValue() {
        CanonicalEvent<Connected> sent = CanonicalEvent.builder(TenantId.of("acme"), DeviceId.of("CP-1"),
                new Connected("10.0.0.7", Protocol.OCPP_1_6)).time(Instant.parse("2026-11-25T08:00:00Z"))
                .protocol(Protocol.OCPP_1_6).build();
        BinaryMessage message = codec.writeBinary(sent);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("chargeplane.device-events.v1", 0, 7, "acme:CP-1",
                message.data());
        message.headers().forEach((key, value) -> record.headers().add(key, value));

        CanonicalEvent<DeviceEvent> read = DeviceEventRecords.read(codec, record);

        assertEquals(sent.id(), read.id());
        assertEquals(sent.data(), read.data());
    }

    @Test
    void aRecordWithoutHeadersOrValueIsAValidationError() {
        ConsumerRecord<String, byte[]> empty = new ConsumerRecord<>("chargeplane.device-events.v1", 0, 8, "k", null);

        assertThrows(ModelValidationException.class, () -> DeviceEventRecords.read(codec, empty));
    }
}
