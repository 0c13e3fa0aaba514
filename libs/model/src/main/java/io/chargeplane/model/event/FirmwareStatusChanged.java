package io.chargeplane.model.event;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.FirmwareState;

/**
 * Progress of a firmware update started by an {@code UpdateFirmware} command.
 *
 * @param requestId the device's request id where the protocol has one (OCPP 2.0.1); may be null
 */
public record FirmwareStatusChanged(FirmwareState state, Integer requestId) implements DeviceEvent {

    public static final String NAME = "firmware_status";

    public FirmwareStatusChanged {
        Require.present(state, "state");
    }

    @Override
    public String eventName() {
        return NAME;
    }
}
