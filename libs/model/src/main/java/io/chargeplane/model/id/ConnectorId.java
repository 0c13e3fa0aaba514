package io.chargeplane.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.chargeplane.model.Require;

/**
 * A connector (plug or socket) of an EVSE, numbered from 1 within that EVSE. OCPP 1.6 has no EVSEs: its
 * adapter maps connector n to EVSE n, connector 1. On the wire it is a plain JSON number.
 */
public record ConnectorId(int value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ConnectorId {
        Require.atLeast(value, 1, "");
    }

    public static ConnectorId of(int value) {
        return new ConnectorId(value);
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
