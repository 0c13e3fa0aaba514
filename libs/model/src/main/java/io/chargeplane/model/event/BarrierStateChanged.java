package io.chargeplane.model.event;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.BarrierPosition;

/**
 * A barrier arm moved or stopped.
 *
 * @param cause what moved it ("command", "manual", "loop_detector", vendor text); may be null
 */
public record BarrierStateChanged(BarrierPosition position, String cause) implements DeviceEvent {

    public static final String NAME = "barrier_state";

    public BarrierStateChanged {
        Require.present(position, "position");
        Require.optionalText(cause, "cause", 64);
    }

    @Override
    public String eventName() {
        return NAME;
    }
}
