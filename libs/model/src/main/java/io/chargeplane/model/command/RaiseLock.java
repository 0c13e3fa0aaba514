package io.chargeplane.model.command;

import io.chargeplane.model.device.Capability;

/** Raise a parking lock to reserve or block its bay. Carries nothing: the device is the address. */
public record RaiseLock() implements DeviceCommand {

    @Override
    public Capability capability() {
        return Capability.RAISE_LOCK;
    }
}
