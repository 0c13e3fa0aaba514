package io.chargeplane.model.command;

import io.chargeplane.model.device.Capability;

/** Lower a parking lock so a vehicle can park. Carries nothing: the device is the address. */
public record LowerLock() implements DeviceCommand {

    @Override
    public Capability capability() {
        return Capability.LOWER_LOCK;
    }
}
