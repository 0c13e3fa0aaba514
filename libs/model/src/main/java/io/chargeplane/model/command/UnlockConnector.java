package io.chargeplane.model.command;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;

/** Release a cable stuck in a connector; both numbers are required because unlocking the wrong one strands a driver. */
public record UnlockConnector(EvseId evse, ConnectorId connector) implements DeviceCommand {

    public UnlockConnector {
        Require.present(evse, "evse");
        Require.present(connector, "connector");
    }

    @Override
    public Capability capability() {
        return Capability.UNLOCK_CONNECTOR;
    }
}
