package io.chargeplane.model.command;

import io.chargeplane.model.device.Capability;

/** Lower the barrier arm (gates close on their own after a pass; this is for operators). Carries nothing: the device is the address. */
public record CloseBarrier() implements DeviceCommand {

    @Override
    public Capability capability() {
        return Capability.CLOSE_BARRIER;
    }
}
