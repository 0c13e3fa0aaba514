package io.chargeplane.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.chargeplane.model.Require;
import java.util.UUID;

/**
 * Ties a command to its result and a device request to its reply across MQTT, Kafka and logs, where it is
 * carried as the CloudEvents {@code correlationid} extension.
 *
 * <p>On the wire it is a plain JSON string.
 */
public record CorrelationId(String value) {

    /** Longest accepted value. */
    public static final int MAX_LENGTH = 128;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CorrelationId {
        Require.text(value, "", MAX_LENGTH);
    }

    public static CorrelationId of(String value) {
        return new CorrelationId(value);
    }

    /** A fresh random id for callers that start a conversation. */
    public static CorrelationId random() {
        return new CorrelationId(UUID.randomUUID().toString());
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
