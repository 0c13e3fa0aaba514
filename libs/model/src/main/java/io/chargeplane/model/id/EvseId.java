package io.chargeplane.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.chargeplane.model.Require;

/**
 * An EVSE (one charging point that charges one vehicle at a time) within a charger, numbered from 1.
 *
 * <p>OCPP uses 0 for "the whole station"; the model never does. A field that may address the whole station
 * is a nullable {@code EvseId} and says that null means the station, so an EVSE number is always a real
 * EVSE. On the wire it is a plain JSON number.
 */
public record EvseId(int value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public EvseId {
        Require.atLeast(value, 1, "");
    }

    public static EvseId of(int value) {
        return new EvseId(value);
    }

    @JsonValue
    @Override
    public int value() {
        return value;
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
