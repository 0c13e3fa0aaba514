package io.chargeplane.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.chargeplane.model.Require;

/**
 * One running protocol adapter (a pod). It names the adapter presence topic and the CloudEvents
 * {@code adapter} extension, so operators can tell which instance held a device when something happened.
 *
 * <p>On the wire it is a plain JSON string.
 */
public record AdapterInstanceId(String value) {

    /** Longest accepted value. */
    public static final int MAX_LENGTH = 128;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AdapterInstanceId {
        Require.topicLevel(value, "", MAX_LENGTH);
    }

    public static AdapterInstanceId of(String value) {
        return new AdapterInstanceId(value);
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
