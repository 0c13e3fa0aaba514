package io.chargeplane.model.command;

import io.chargeplane.model.device.Capability;
import io.chargeplane.model.id.EvseId;

/**
 * Ask the device to report its current status again (OCPP TriggerMessage StatusNotification, a gate poll);
 * the answers arrive as ordinary events.
 *
 * @param evse null for the whole device
 */
public record GetStatus(EvseId evse) implements DeviceCommand {

    public static GetStatus wholeDevice() {
        return new GetStatus(null);
    }

    @Override
    public Capability capability() {
        return Capability.GET_STATUS;
    }
}
