package io.chargeplane.model.event;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;

/** Shared checks for the nullable EVSE/connector pairs of several events and requests. */
final class Location {

    private Location() {
    }

    /** A connector only makes sense on a known EVSE; a null EVSE addresses the whole station. */
    static void connectorNeedsEvse(EvseId evse, ConnectorId connector) {
        if (connector != null && evse == null) {
            throw new ModelValidationException("evse", "is required when connector is given");
        }
    }
}
