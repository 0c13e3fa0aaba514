package io.chargeplane.model.command;

import io.chargeplane.model.device.Capability;

/** Raise the barrier arm to let a vehicle through. Carries nothing: the device is the address. */
public record OpenBarrier() implements DeviceCommand {

    @Override
    public Capability capability() {
        return Capability.OPEN_BARRIER;
    }
}
