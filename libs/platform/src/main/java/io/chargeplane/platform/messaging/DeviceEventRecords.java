package io.chargeplane.platform.messaging;

import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.DeviceEvent;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a record of {@code chargeplane.device-events.v1} (CloudEvents binary mode: {@code ce_*} headers, JSON value)
 * into the canonical event, for every service that consumes device events.
 */
public final class DeviceEventRecords {

    private DeviceEventRecords() {
    }

    /** The record's event; a {@code ModelValidationException} (a runtime exception) names what is wrong with it. */
    public static CanonicalEvent<DeviceEvent> read(CanonicalCodec codec, ConsumerRecord<String, byte[]> record) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return codec.readBinary(headers, record.value() == null ? new byte[0] : record.value()).as(DeviceEvent.class);
    }
}
