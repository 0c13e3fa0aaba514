package io.chargeplane.model.command;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.device.ResetKind;

/** Restart the device. */
public record Reset(ResetKind kind) implements DeviceCommand {

    public Reset {
        Require.present(kind, "kind");
    }

    @Override
    public Capability capability() {
        return Capability.RESET;
    }
}
