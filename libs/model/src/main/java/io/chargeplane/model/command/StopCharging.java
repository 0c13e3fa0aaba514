package io.chargeplane.model.command;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.event.TransactionRef;

/** Stop a running transaction; addressed by transaction, not connector, so a stale UI cannot stop the next driver. */
public record StopCharging(TransactionRef transaction) implements DeviceCommand {

    public StopCharging {
        Require.present(transaction, "transaction");
    }

    @Override
    public Capability capability() {
        return Capability.STOP_CHARGING;
    }
}
