package io.chargeplane.model.command;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.id.EvseId;
import java.time.Instant;

/**
 * Cap charging power or current (load management, grid requests).
 *
 * @param evse null for the station as a whole
 * @param until when the limit lapses; null for until replaced
 */
public record SetChargingLimit(EvseId evse, ChargingLimit limit, Instant until) implements DeviceCommand {

    public SetChargingLimit {
        Require.present(limit, "limit");
    }

    @Override
    public Capability capability() {
        return Capability.SET_CHARGING_LIMIT;
    }
}
