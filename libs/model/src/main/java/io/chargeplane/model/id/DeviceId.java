package io.chargeplane.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.chargeplane.model.Require;

/**
 * The identity of a device within its tenant (an OCPP charging station identity, a YKC pile code, a gate
 * serial). It becomes one MQTT topic level and the CloudEvents subject, hence the topic-safe character set.
 *
 * <p>On the wire it is a plain JSON string.
 */
public record DeviceId(String value) {

    /** Longest accepted value. */
    public static final int MAX_LENGTH = 128;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DeviceId {
        Require.topicLevel(value, "", MAX_LENGTH);
    }

    public static DeviceId of(String value) {
        return new DeviceId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
