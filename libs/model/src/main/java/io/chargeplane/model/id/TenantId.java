package io.chargeplane.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.chargeplane.model.Require;

/**
 * The operator that owns a device and everything it produces. It is one MQTT topic level and part of every
 * CloudEvents source, so it is restricted to a topic-safe character set; a leading {@code _} is reserved
 * for platform-level topics ({@code chargeplane/v1/_adapters/...}) so that a tenant can never shadow them.
 *
 * <p>On the wire it is a plain JSON string.
 */
public record TenantId(String value) {

    /** Longest accepted value. */
    public static final int MAX_LENGTH = 64;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TenantId {
        Require.topicLevel(value, "", MAX_LENGTH);
        Require.that(!value.startsWith("_"), "", "must not start with '_' (reserved for platform topics such as _adapters)");
    }

    public static TenantId of(String value) {
        return new TenantId(value);
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
