package io.chargeplane.model.event;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.LockPosition;

/**
 * A parking lock moved, or its bay sensor changed.
 *
 * @param vehiclePresent what the bay sensor says; null when the lock has none
 */
public record LockStateChanged(LockPosition position, Boolean vehiclePresent) implements DeviceEvent {

    public static final String NAME = "lock_state";

    public LockStateChanged {
        Require.present(position, "position");
    }

    @Override
    public String eventName() {
        return NAME;
    }
}
