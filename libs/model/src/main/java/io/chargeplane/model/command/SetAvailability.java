package io.chargeplane.model.command;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.AvailabilityState;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.id.EvseId;

/**
 * Take an EVSE or the whole station in or out of service.
 *
 * @param evse the EVSE, or null for the whole station (the model's spelling of OCPP's 0)
 */
public record SetAvailability(EvseId evse, AvailabilityState state) implements DeviceCommand {

    public SetAvailability {
        Require.present(state, "state");
    }

    public static SetAvailability wholeStation(AvailabilityState state) {
        return new SetAvailability(null, state);
    }

    public boolean appliesToWholeStation() {
        return evse == null;
    }

    @Override
    public Capability capability() {
        return Capability.SET_AVAILABILITY;
    }
}
