package io.chargeplane.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.chargeplane.model.Require;
import java.util.UUID;

/**
 * The key under which a repeated command is recognised as the same command: devices act on it at most once
 * and a retry gets the first answer. Every command carries one.
 *
 * <p>On the wire it is a plain JSON string.
 */
public record IdempotencyKey(String value) {

    /** Longest accepted value. */
    public static final int MAX_LENGTH = 128;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public IdempotencyKey {
        Require.text(value, "", MAX_LENGTH);
    }

    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    /** A fresh random key for callers that have no natural key (a button click, a scheduled job). */
    public static IdempotencyKey random() {
        return new IdempotencyKey(UUID.randomUUID().toString());
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
