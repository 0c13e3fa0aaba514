package io.chargeplane.model.command;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;

/**
 * Start a charging session remotely (app start, operator start).
 *
 * @param connector may be null to let the device pick a connector of the EVSE
 * @param idToken the identity the session is charged to
 * @param limit an optional initial limit
 */
public record StartCharging(EvseId evse, ConnectorId connector, IdToken idToken, ChargingLimit limit)
        implements DeviceCommand {

    public StartCharging {
        Require.present(evse, "evse");
        Require.present(idToken, "idToken");
    }

    @Override
    public Capability capability() {
        return Capability.START_CHARGING;
    }
}
