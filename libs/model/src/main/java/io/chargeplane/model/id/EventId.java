package io.chargeplane.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.chargeplane.model.Require;
import java.util.UUID;

/**
 * The CloudEvents {@code id}. Consumers deduplicate on it, so a redelivered message must keep its id; only
 * the first producer of a message mints one.
 *
 * <p>On the wire it is a plain JSON string.
 */
public record EventId(String value) {

    /** Longest accepted value. */
    public static final int MAX_LENGTH = 128;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public EventId {
        Require.text(value, "", MAX_LENGTH);
    }

    public static EventId of(String value) {
        return new EventId(value);
    }

    public static EventId random() {
        return new EventId(UUID.randomUUID().toString());
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
